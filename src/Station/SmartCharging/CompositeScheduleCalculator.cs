using Ocpp16.Messages;
using static Station.SmartCharging.ScheduleTime;

namespace Station.SmartCharging;

/// <summary>
/// GetCompositeSchedule (§5.7, §3.13): the limits that result from every installed profile over
/// [start, start + duration), as the periods a Central System reads, for a connector n or for the
/// station as a whole (connector 0).
/// </summary>
public static class CompositeScheduleCalculator
{
    /// <summary>
    /// The unit when the request names none ("the Charge Point chooses"): A, what the control pilot
    /// signal of IEC 61851-1 offers an AC vehicle.
    /// </summary>
    public const ChargingRateUnitType DefaultUnit = ChargingRateUnitType.A;

    /// <summary>
    /// The longest window reported: 31 days. §5.7 sets no bound, but a Daily profile of 24 periods
    /// over the int range would be some 600 000 periods, megabytes no Central System can use.
    /// </summary>
    public const int MaxDuration = 31 * 86_400;

    /// <summary>
    /// The composite schedule. Without a transaction on the connector, Relative schedules (and
    /// Absolute ones without startSchedule) start at <paramref name="start"/>: what a transaction
    /// starting now would get; TxProfiles apply only to a running transaction. A duration of 0
    /// gives one period, the limit in force at <paramref name="start"/> (pitfall 3: not the default).
    /// </summary>
    public static CompositeScheduleResult Calculate(
        InstalledProfileSet installed, StationSituation station, int connectorId, DateTimeOffset start, int duration, ChargingRateUnitType? unit = null)
    {
        if (connectorId < 0 || connectorId > station.Connectors.Count)
        {
            return CompositeScheduleResult.Rejected($"connectorId {connectorId} does not exist (the station has connectors 0..{station.Connectors.Count})");
        }

        if (duration is < 0 or > MaxDuration)
        {
            return CompositeScheduleResult.Rejected($"duration {duration} is outside 0..{MaxDuration} s (31 days)");
        }

        var rateUnit = unit ?? DefaultUnit;
        var from = Seconds(start);
        var to = from + Math.Max(duration, 1);
        var sweep = new LimitSweep(installed, station, connectorId, rateUnit, anchorWithoutTransaction: from, from, to);
        var periods = new List<CompositePeriod>();
        foreach (var at in sweep.Boundaries(from, to).Prepend(from))
        {
            var sample = sweep.Sample(at);
            // Adjacent periods with the same limit and phases are one period (TC_066: 140 s -> 16 A capped to 10 A merges with 50 s -> 10 A).
            if (periods.Count == 0 || periods[^1].Limit != sample.Limit || periods[^1].NumberPhases != sample.NumberPhases)
            {
                periods.Add(new CompositePeriod((int)(at - from), sample.Limit, sample.NumberPhases));
            }
        }

        return CompositeScheduleResult.Accepted(new CompositeSchedule(connectorId, Instant(from), duration, rateUnit, periods));
    }
}
