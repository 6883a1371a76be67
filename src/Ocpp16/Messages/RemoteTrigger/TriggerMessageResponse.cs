using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>TriggerMessage.conf: the answer to the request that asks the Charge Point to send one of its messages now (§5.17).</summary>
public sealed record TriggerMessageResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required TriggerMessageStatus Status { get; init; }
}
