using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>RemoteStopTransaction.req: the request that asks the Charge Point to stop a running transaction (§5.12).</summary>
public sealed record RemoteStopTransactionRequest : IOcppRequest<RemoteStopTransactionResponse>
{
    /// <summary>The transaction concerned.</summary>
    [JsonPropertyName("transactionId")]
    public required int TransactionId { get; init; }
}
