using CsCheck;
using Ocpp16.Messages;
using Station.SmartCharging;

namespace Station.Tests.SmartCharging;

/// <summary>
/// Random stations, profiles of every purpose, kind, unit, stack level and validity, and windows,
/// for the property tests. Every instant is a multiple of <c>grain</c> seconds and lies within
/// <c>span</c> seconds of the window, so that a grid of that grain sees every change.
/// </summary>
internal static class CompositeCaseGenerators
{
    /// <summary>Monday 2031-03-17 00:00 UTC: windows start shortly before it, so that days and weeks are crossed.</summary>
    private static readonly long Monday = new DateTimeOffset(2031, 3, 17, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly Gen<decimal> Amperes = Gen.OneOf(0m, 6m, 8m, 10m, 10.5m, 16m, 32m, 40m);
    private static readonly Gen<decimal> Watts = Gen.OneOf(0m, 1380m, 4140m, 6000m, 7360m, 11000m, 22000m);
    private static readonly Gen<int?> Phases = Gen.OneOf<int?>(null, 1, 2, 3);

    private static readonly Gen<ElectricalSupply> Supply =
        from phases in Gen.Int[1, 3]
        from voltage in Gen.OneOf(230m, 120m, 400m)
        from max in Gen.OneOf(16m, 32m, 63m)
        select new ElectricalSupply(voltage, phases, max);

    public static Gen<CompositeCase> Cases(int grain, int span, int maxDuration) =>
        from connectors in Gen.Int[1, 3]
        from before in Gen.Int[0, span / grain]
        let windowStart = Monday - (before * (long)grain)
        from supplies in Supply.Array[connectors]
        from transactions in Transaction(windowStart, grain, span).Array[connectors]
        from profiles in Profile(connectors, windowStart, grain, span).Array[0, 8]
        from connectorId in Gen.Int[0, connectors]
        from duration in Gen.Frequency((1, Gen.Const(0)), (8, Gen.Int[1, maxDuration / grain].Select(d => d * grain)))
        from unit in Gen.Enum<ChargingRateUnitType>()
        select new CompositeCase(
            new StationSituation { Connectors = [.. supplies.Select((s, i) => new ConnectorSituation(i + 1, s, transactions[i]))] },
            profiles, connectorId, windowStart, duration, unit);

    private static Gen<ConnectorTransaction?> Transaction(long windowStart, int grain, int span) =>
        Gen.Frequency(
            (1, Gen.Const((ConnectorTransaction?)null)),
            (2, from ago in Gen.Int[0, span / grain]
                from id in Gen.Int[1, 3].Nullable(0.2)
                select (ConnectorTransaction?)new ConnectorTransaction(DateTimeOffset.FromUnixTimeSeconds(windowStart - (ago * (long)grain)), id)));

    // A profile on a connector that follows the purpose's rules (§3.13.1).
    private static Gen<InstalledProfile> Profile(int connectors, long windowStart, int grain, int span) =>
        from purpose in Gen.Enum<ChargingProfilePurposeType>()
        from connectorId in purpose switch
        {
            ChargingProfilePurposeType.ChargePointMaxProfile => Gen.Const(0),
            ChargingProfilePurposeType.TxDefaultProfile => Gen.Int[0, connectors],
            _ => Gen.Int[1, connectors],
        }
        from id in Gen.Int[1, 12]
        from level in Gen.Int[0, 3]
        from kind in purpose == ChargingProfilePurposeType.ChargePointMaxProfile
            ? Gen.OneOf(ChargingProfileKindType.Absolute, ChargingProfileKindType.Recurring)
            : Gen.Enum<ChargingProfileKindType>()
        from recurrency in Gen.Enum<RecurrencyKindType>()
        let period = recurrency == RecurrencyKindType.Daily ? 86_400 : 604_800
        from startOffset in Gen.Int[-span / grain, span / grain]
        from occurrencesBack in Gen.Int[0, 2]
        from absoluteHasStart in Gen.Bool
        from duration in Duration(kind == ChargingProfileKindType.Recurring ? period : 0, grain, span)
        from periods in Periods(kind == ChargingProfileKindType.Recurring ? period : 0, grain, span)
        from unit in Gen.Enum<ChargingRateUnitType>()
        from limits in (unit == ChargingRateUnitType.A ? Amperes : Watts).Array[periods.Length]
        from phases in Phases.Array[periods.Length]
        from validFrom in Gen.Int[-span / grain, span / grain].Nullable(0.6)
        from validLength in Gen.Int[1, 2 * span / grain].Nullable(0.5)
        from transactionId in Gen.Int[1, 3].Nullable(0.5)
        let start = windowStart + (startOffset * (long)grain) - (kind == ChargingProfileKindType.Recurring ? occurrencesBack * (long)period : 0)
        select new InstalledProfile(connectorId, new ChargingProfile
        {
            ChargingProfileId = id,
            StackLevel = level,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = kind,
            RecurrencyKind = kind == ChargingProfileKindType.Recurring ? recurrency : null,
            TransactionId = purpose == ChargingProfilePurposeType.TxProfile ? transactionId : null,
            ValidFrom = validFrom is { } f ? At(windowStart + (f * (long)grain)) : null,
            ValidTo = validLength is { } l ? At(windowStart + (((validFrom ?? -span / grain) + l) * (long)grain)) : null,
            ChargingSchedule = new ChargingSchedule
            {
                Duration = duration,
                StartSchedule = kind == ChargingProfileKindType.Recurring || (kind == ChargingProfileKindType.Absolute && absoluteHasStart) ? At(start) : null,
                ChargingRateUnit = unit,
                ChargingSchedulePeriod = [.. periods.Select((p, i) => new ChargingSchedulePeriod { StartPeriod = p, Limit = limits[i], NumberPhases = phases[i] })],
            },
        });

    // None, 0, short, or (recurring) around the recurrence period, so that its cut shows.
    private static Gen<int?> Duration(int period, int grain, int span)
    {
        var any = Gen.Frequency(
            (3, Gen.Const((int?)null)),
            (1, Gen.Const<int?>(0)),
            (5, Gen.Int[1, 2 * span / grain].Select(d => (int?)(d * grain))));
        return period == 0 ? any : Gen.Frequency((3, any), (2, Gen.Int[-span / grain, span / grain].Select(d => (int?)(period + (d * grain)))));
    }

    // Start 0, then increasing; for a recurring profile some near or past the end of the recurrence period.
    private static Gen<int[]> Periods(int period, int grain, int span) =>
        from steps in Gen.Int[1, span / grain / 2].Array[0, 3]
        from late in period > 0 ? Gen.Int[-span / grain, span / grain].Nullable(0.6) : Gen.Const((int?)null)
        select Starts(steps, late is { } l && period > 0 ? period + (l * grain) : null, grain);

    private static int[] Starts(int[] steps, int? late, int grain)
    {
        var starts = new List<int> { 0 };
        foreach (var step in steps)
        {
            starts.Add(starts[^1] + (step * grain));
        }

        if (late is { } l && l > starts[^1])
        {
            starts.Add(l);
        }

        return [.. starts];
    }

    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
