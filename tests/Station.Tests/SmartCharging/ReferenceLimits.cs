using Ocpp16.Messages;
using Station.SmartCharging;

namespace Station.Tests.SmartCharging;

/// <summary>
/// A brute-force reading of §3.13 for the property tests, written from the spec text and not from
/// the implementation: for one second t, which profiles are in force, which prevail, and what
/// limit results. The composite is then this, second by second, merged.
/// </summary>
internal sealed class ReferenceLimits
{
    private readonly StationSituation _station;
    private readonly int _connectorId;
    private readonly ChargingRateUnitType _unit;
    private readonly InstalledProfile[] _stationMax;
    private readonly (ConnectorSituation Connector, InstalledProfile[] Tx, InstalledProfile[] TxDefault)[] _connectors;

    public ReferenceLimits(InstalledProfileSet installed, StationSituation station, int connectorId, ChargingRateUnitType unit)
    {
        (_station, _connectorId, _unit) = (station, connectorId, unit);
        // §3.13.1: ChargePointMaxProfile on connector 0; TxDefaultProfile on 0 or the connector; TxProfile of the running transaction.
        _stationMax = [.. installed.Where(p => p.ConnectorId == 0 && p.Purpose == ChargingProfilePurposeType.ChargePointMaxProfile)];
        _connectors = [.. station.Connectors.Where(c => connectorId == 0 || c.ConnectorId == connectorId).Select(c => (
            c,
            installed.Where(p => p.Purpose == ChargingProfilePurposeType.TxProfile && p.ConnectorId == c.ConnectorId && c.Transaction is { } tx
                                 && (p.Profile.TransactionId is null || p.Profile.TransactionId == tx.TransactionId)).ToArray(),
            installed.Where(p => p.Purpose == ChargingProfilePurposeType.TxDefaultProfile && (p.ConnectorId == 0 || p.ConnectorId == c.ConnectorId)).ToArray()))];
    }

    public static CompositePeriod[] Composite(
        InstalledProfileSet installed, StationSituation station, int connectorId, long from, int duration, ChargingRateUnitType unit)
    {
        var reference = new ReferenceLimits(installed, station, connectorId, unit);
        var periods = new List<CompositePeriod>();
        for (var i = 0; i < Math.Max(duration, 1); i++)
        {
            var (limit, phases, _) = reference.At(from + i, anchorWithoutTransaction: from);
            if (periods.Count == 0 || periods[^1].Limit != limit || periods[^1].NumberPhases != phases)
            {
                periods.Add(new CompositePeriod(i, limit, phases));
            }
        }

        return [.. periods];
    }

    public static (decimal Limit, int Phases, bool FromProfile) At(
        InstalledProfileSet installed, StationSituation station, int connectorId, long t, long? anchorWithoutTransaction, ChargingRateUnitType unit) =>
        new ReferenceLimits(installed, station, connectorId, unit).At(t, anchorWithoutTransaction);

    // anchorWithoutTransaction: where a relative schedule starts without a transaction; null: at t itself.
    public (decimal Limit, int Phases, bool FromProfile) At(long t, long? anchorWithoutTransaction)
    {
        var cap = Highest(_stationMax, t, anchorWithoutTransaction ?? t);
        if (_connectorId > 0)
        {
            var (connector, tx, txDefault) = _connectors[0];
            var own = TransactionLevel(connector, tx, txDefault, t, anchorWithoutTransaction);
            var supply = connector.Supply;
            if (own is null && cap is null)
            {
                return (Tenths(ToUnit(supply.MaxCurrent, ChargingRateUnitType.A, supply.Voltage, supply.Phases)), supply.Phases, false);
            }

            var phases = supply.Phases;
            var limit = decimal.MaxValue;
            foreach (var x in new[] { own, cap })
            {
                phases = x is { } y ? Math.Min(phases, y.Period.NumberPhases ?? 3) : phases;
            }

            foreach (var x in new[] { own, cap })
            {
                limit = x is { } y ? Math.Min(limit, ToUnit(y.Period.Limit, y.Unit, supply.Voltage, phases)) : limit;
            }

            return (Tenths(limit), phases, true);
        }

        // Connector 0: every connector's own transaction-level limit (its rating where none), added, then capped.
        var total = 0m;
        var fromProfile = cap is not null;
        foreach (var (connector, tx, txDefault) in _connectors)
        {
            var supply = connector.Supply;
            var own = TransactionLevel(connector, tx, txDefault, t, anchorWithoutTransaction);
            fromProfile |= own is not null;
            total += own is { } o
                ? ToUnit(o.Period.Limit, o.Unit, supply.Voltage, Math.Min(supply.Phases, o.Period.NumberPhases ?? 3))
                : ToUnit(supply.MaxCurrent, ChargingRateUnitType.A, supply.Voltage, supply.Phases);
        }

        var gridPhases = _station.Connectors.Max(c => c.Supply.Phases);
        if (cap is { } c)
        {
            gridPhases = Math.Min(gridPhases, c.Period.NumberPhases ?? 3);
            total = Math.Min(total, ToUnit(c.Period.Limit, c.Unit, _station.Connectors[0].Supply.Voltage, gridPhases));
        }

        return (Tenths(total), gridPhases, fromProfile);
    }

    // TxProfile if one of the running transaction is valid now, else TxDefaultProfile.
    private static (ChargingSchedulePeriod Period, ChargingRateUnitType Unit)? TransactionLevel(
        ConnectorSituation connector, InstalledProfile[] tx, InstalledProfile[] txDefault, long t, long? anchorWithoutTransaction)
    {
        var anchor = connector.Transaction is { } transaction ? transaction.Start.ToUnixTimeSeconds() : anchorWithoutTransaction ?? t;
        return Highest(tx.Any(p => IsValid(p.Profile, t)) ? tx : txDefault, t, anchor);
    }

    // The highest stack level in force; at equal levels the connector's own before connector 0's.
    private static (ChargingSchedulePeriod Period, ChargingRateUnitType Unit)? Highest(InstalledProfile[] pool, long t, long anchor)
    {
        (ChargingSchedulePeriod, ChargingRateUnitType)? best = null;
        (int Level, bool Own) bestKey = (-1, false);
        foreach (var p in pool)
        {
            var key = (p.StackLevel, p.ConnectorId != 0);
            if (InForce(p.Profile, t, anchor) is { } found && (key.StackLevel > bestKey.Level || (key.StackLevel == bestKey.Level && key.Item2 && !bestKey.Own)))
            {
                (best, bestKey) = (found, key);
            }
        }

        return best;
    }

    private static bool IsValid(ChargingProfile p, long t) =>
        (p.ValidFrom is not { } from || from.ToUnixTimeSeconds() <= t) && (p.ValidTo is not { } to || t < to.ToUnixTimeSeconds());

    // The period of the profile's schedule in force at t, if any.
    private static (ChargingSchedulePeriod Period, ChargingRateUnitType Unit)? InForce(ChargingProfile p, long t, long anchor)
    {
        if (!IsValid(p, t))
        {
            return null;
        }

        var schedule = p.ChargingSchedule;
        long start;
        var length = schedule.Duration ?? long.MaxValue;
        if (p.ChargingProfileKind == ChargingProfileKindType.Recurring)
        {
            var period = p.RecurrencyKind == RecurrencyKindType.Daily ? 86_400L : 604_800L;
            var first = schedule.StartSchedule!.Value.ToUnixTimeSeconds();
            if (t < first)
            {
                return null;
            }

            start = first + ((t - first) / period * period);
            length = Math.Min(length, period);
        }
        else
        {
            start = p.ChargingProfileKind == ChargingProfileKindType.Absolute && schedule.StartSchedule is { } s ? s.ToUnixTimeSeconds() : anchor;
        }

        var offset = t - start;
        if (offset < 0 || offset >= length)
        {
            return null;
        }

        var current = schedule.ChargingSchedulePeriod.LastOrDefault(x => x.StartPeriod <= offset);
        return current is null ? null : (current, schedule.ChargingRateUnit);
    }

    private decimal ToUnit(decimal limit, ChargingRateUnitType from, decimal voltage, int phases) =>
        from == _unit ? limit : from == ChargingRateUnitType.A ? limit * voltage * phases : limit / (voltage * phases);

    private static decimal Tenths(decimal value) => Math.Truncate(value * 10) / 10;
}
