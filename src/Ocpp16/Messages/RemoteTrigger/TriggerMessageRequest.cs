using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>TriggerMessage.req: the request that asks the Charge Point to send one of its messages now (§5.17).</summary>
public sealed record TriggerMessageRequest : IOcppRequest<TriggerMessageResponse>
{
    /// <summary>The message the Charge Point is asked to send.</summary>
    [JsonPropertyName("requestedMessage")]
    public required MessageTrigger RequestedMessage { get; init; }

    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public int? ConnectorId { get; init; }
}
