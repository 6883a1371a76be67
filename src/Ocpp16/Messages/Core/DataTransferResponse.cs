using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>DataTransfer.conf: the answer to the request that carries vendor-specific data in either direction (§4.3, §5.6).</summary>
public sealed record DataTransferResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required DataTransferStatus Status { get; init; }

    /// <summary>Vendor-specific data in answer.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; init; }
}
