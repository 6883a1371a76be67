using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>UnlockConnector.conf: the answer to the request that asks the Charge Point to release the cable of a connector (§5.18).</summary>
public sealed record UnlockConnectorResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required UnlockStatus Status { get; init; }
}
