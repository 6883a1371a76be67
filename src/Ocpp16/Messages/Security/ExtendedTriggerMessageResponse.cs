using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ExtendedTriggerMessage.conf: the answer to the request that asks the Charge Point to send one of its messages now.</summary>
public sealed record ExtendedTriggerMessageResponse : IOcppResponse
{
    /// <summary>Whether the requested message will be sent.</summary>
    [JsonPropertyName("status")]
    public required TriggerMessageStatusEnumType Status { get; init; }
}
