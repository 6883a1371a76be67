using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>RemoteStartTransaction.conf: the answer to the request that asks the Charge Point to start a transaction for an identifier (§5.11).</summary>
public sealed record RemoteStartTransactionResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required RemoteStartStopStatus Status { get; init; }
}
