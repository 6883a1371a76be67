using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>MeterValues.req: the request that reports sampled or clock-aligned meter readings (§4.7).</summary>
public sealed record MeterValuesRequest : IOcppRequest<MeterValuesResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>The transaction concerned.</summary>
    [JsonPropertyName("transactionId")]
    public int? TransactionId { get; init; }

    /// <summary>The sampled values, grouped by time.</summary>
    [JsonPropertyName("meterValue")]
    public required IReadOnlyList<MeterValue> MeterValue { get; init; }
}
