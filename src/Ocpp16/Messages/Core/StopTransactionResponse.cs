using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>StopTransaction.conf: the answer to the request that reports that a transaction stopped (§4.10).</summary>
public sealed record StopTransactionResponse : IOcppResponse
{
    /// <summary>What the Central System knows about the identifier.</summary>
    [JsonPropertyName("idTagInfo")]
    public IdTagInfo? IdTagInfo { get; init; }
}
