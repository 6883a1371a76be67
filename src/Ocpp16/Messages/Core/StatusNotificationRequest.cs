using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>StatusNotification.req: the request that reports the status of a connector, or of the Charge Point as connector 0 (§4.9).</summary>
public sealed record StatusNotificationRequest : IOcppRequest<StatusNotificationResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>The error of the connector, NoError when there is none.</summary>
    [JsonPropertyName("errorCode")]
    public required ChargePointErrorCode ErrorCode { get; init; }

    /// <summary>Free-form additional information about the error.</summary>
    [JsonPropertyName("info")]
    [JsonConverter(typeof(CiString50Converter))]
    public string? Info { get; init; }

    /// <summary>The current status of the connector.</summary>
    [JsonPropertyName("status")]
    public required ChargePointStatus Status { get; init; }

    /// <summary>When it happened.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Identifies the vendor-specific implementation.</summary>
    [JsonPropertyName("vendorId")]
    [JsonConverter(typeof(CiString255Converter))]
    public string? VendorId { get; init; }

    /// <summary>The vendor-specific error code.</summary>
    [JsonPropertyName("vendorErrorCode")]
    [JsonConverter(typeof(CiString50Converter))]
    public string? VendorErrorCode { get; init; }
}
