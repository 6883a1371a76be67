using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>StartTransaction.conf: the answer to the request that reports that a transaction started (§4.8).</summary>
public sealed record StartTransactionResponse : IOcppResponse
{
    /// <summary>What the Central System knows about the identifier.</summary>
    [JsonPropertyName("idTagInfo")]
    public required IdTagInfo IdTagInfo { get; init; }

    /// <summary>The transaction concerned.</summary>
    [JsonPropertyName("transactionId")]
    public required int TransactionId { get; init; }
}
