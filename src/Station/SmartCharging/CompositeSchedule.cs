using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>The composite charging schedule of a connector, or of the station for connector 0 (§5.7).</summary>
/// <param name="ConnectorId">The connector asked about.</param>
/// <param name="ScheduleStart">The start of the window, truncated to the second: startPeriod 0.</param>
/// <param name="Duration">The length of the window in seconds, as asked.</param>
/// <param name="ChargingRateUnit">The unit of every limit.</param>
/// <param name="Periods">From startPeriod 0, each until the next; adjacent periods always differ.</param>
public sealed record CompositeSchedule(
    int ConnectorId, DateTimeOffset ScheduleStart, int Duration, ChargingRateUnitType ChargingRateUnit, IReadOnlyList<CompositePeriod> Periods)
{
    /// <summary>The schedule as the wire type of GetCompositeSchedule.conf.</summary>
    public ChargingSchedule ToChargingSchedule() => new()
    {
        Duration = Duration,
        StartSchedule = ScheduleStart,
        ChargingRateUnit = ChargingRateUnit,
        ChargingSchedulePeriod = [.. Periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.StartPeriod, Limit = p.Limit, NumberPhases = p.NumberPhases })],
    };
}
