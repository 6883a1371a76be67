using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ExtendedTriggerMessage.req: the request that asks the Charge Point to send one of its messages now, security messages included (security whitepaper, Trigger message).</summary>
public sealed record ExtendedTriggerMessageRequest : IOcppRequest<ExtendedTriggerMessageResponse>
{
    /// <summary>The message the Charge Point is asked to send.</summary>
    [JsonPropertyName("requestedMessage")]
    public required MessageTriggerEnumType RequestedMessage { get; init; }

    /// <summary>The connector concerned; absent means the whole Charge Point.</summary>
    [JsonPropertyName("connectorId")]
    public int? ConnectorId { get; init; }
}
