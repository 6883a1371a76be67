using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>GetCompositeSchedule.conf: the answer to the request that asks for the schedule that results from all installed charging profiles (§5.7).</summary>
public sealed record GetCompositeScheduleResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required GetCompositeScheduleStatus Status { get; init; }

    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public int? ConnectorId { get; init; }

    /// <summary>When the schedule starts.</summary>
    [JsonPropertyName("scheduleStart")]
    public DateTimeOffset? ScheduleStart { get; init; }

    /// <summary>The composite schedule.</summary>
    [JsonPropertyName("chargingSchedule")]
    public ChargingSchedule? ChargingSchedule { get; init; }
}
