using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>RemoteStopTransaction.conf: the answer to the request that asks the Charge Point to stop a running transaction (§5.12).</summary>
public sealed record RemoteStopTransactionResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required RemoteStartStopStatus Status { get; init; }
}
