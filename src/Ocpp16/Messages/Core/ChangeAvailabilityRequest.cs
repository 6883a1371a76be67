using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ChangeAvailability.req: the request that makes a connector, or the whole Charge Point (connector 0), operative or inoperative (§5.2).</summary>
public sealed record ChangeAvailabilityRequest : IOcppRequest<ChangeAvailabilityResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>The kind of change requested.</summary>
    [JsonPropertyName("type")]
    public required AvailabilityType Type { get; init; }
}
