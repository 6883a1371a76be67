using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The limits of a charging profile over time (§7.12).</summary>
public sealed record ChargingSchedule
{
    /// <summary>Length of the schedule in seconds; absent means the schedule runs until the profile ends.</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; init; }

    /// <summary>Start of an Absolute schedule.</summary>
    [JsonPropertyName("startSchedule")]
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>The unit of the limits.</summary>
    [JsonPropertyName("chargingRateUnit")]
    public required ChargingRateUnitType ChargingRateUnit { get; init; }

    /// <summary>The periods, ordered by start.</summary>
    [JsonPropertyName("chargingSchedulePeriod")]
    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    /// <summary>The lowest rate the EV charges at efficiently.</summary>
    [JsonPropertyName("minChargingRate")]
    [JsonConverter(typeof(TenthsDecimalConverter))]
    public decimal? MinChargingRate { get; init; }
}
