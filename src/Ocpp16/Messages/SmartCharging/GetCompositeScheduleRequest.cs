using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>GetCompositeSchedule.req: the request that asks for the schedule that results from all installed charging profiles (§5.7).</summary>
public sealed record GetCompositeScheduleRequest : IOcppRequest<GetCompositeScheduleResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>Length of the requested schedule in seconds.</summary>
    [JsonPropertyName("duration")]
    public required int Duration { get; init; }

    /// <summary>The unit to express the schedule in; absent means the Charge Point chooses.</summary>
    [JsonPropertyName("chargingRateUnit")]
    public ChargingRateUnitType? ChargingRateUnit { get; init; }
}
