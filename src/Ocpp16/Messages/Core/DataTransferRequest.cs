using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>DataTransfer.req: the request that carries vendor-specific data in either direction (§4.3, §5.6).</summary>
public sealed record DataTransferRequest : IOcppRequest<DataTransferResponse>
{
    /// <summary>Identifies the vendor-specific implementation.</summary>
    [JsonPropertyName("vendorId")]
    [JsonConverter(typeof(CiString255Converter))]
    public required string VendorId { get; init; }

    /// <summary>Identifies the vendor-specific message.</summary>
    [JsonPropertyName("messageId")]
    [JsonConverter(typeof(CiString50Converter))]
    public string? MessageId { get; init; }

    /// <summary>Vendor-specific data, as text without a prescribed format.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; init; }
}
