using Ocpp16.Messages;
using Station.SmartCharging;

namespace Station.Tests.SmartCharging;

/// <summary>Short ways to write the profiles, stations and schedules of the smart charging tests.</summary>
internal static class Profiles
{
    /// <summary>An odd fixed instant (a Friday, 09:26:53 UTC), never "now".</summary>
    public static readonly DateTimeOffset T0 = new(2031, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static ChargingProfile Profile(int id, ChargingProfilePurposeType purpose, params (int Start, decimal Limit)[] periods) => new()
    {
        ChargingProfileId = id,
        StackLevel = 0,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKindType.Absolute,
        ChargingSchedule = new ChargingSchedule
        {
            ChargingRateUnit = ChargingRateUnitType.A,
            ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit })],
        },
    };

    public static ChargingProfile StationMax(int id, params (int Start, decimal Limit)[] periods) =>
        Profile(id, ChargingProfilePurposeType.ChargePointMaxProfile, periods);

    public static ChargingProfile TxDefault(int id, params (int Start, decimal Limit)[] periods) =>
        Profile(id, ChargingProfilePurposeType.TxDefaultProfile, periods);

    public static ChargingProfile Tx(int id, params (int Start, decimal Limit)[] periods) =>
        Profile(id, ChargingProfilePurposeType.TxProfile, periods);

    public static ChargingProfile StartingAt(this ChargingProfile p, DateTimeOffset start) =>
        p with { ChargingSchedule = p.ChargingSchedule with { StartSchedule = start } };

    public static ChargingProfile Lasting(this ChargingProfile p, int? seconds) =>
        p with { ChargingSchedule = p.ChargingSchedule with { Duration = seconds } };

    public static ChargingProfile AtLevel(this ChargingProfile p, int stackLevel) => p with { StackLevel = stackLevel };

    public static ChargingProfile Valid(this ChargingProfile p, DateTimeOffset? from, DateTimeOffset? to) => p with { ValidFrom = from, ValidTo = to };

    public static ChargingProfile InWatts(this ChargingProfile p) =>
        p with { ChargingSchedule = p.ChargingSchedule with { ChargingRateUnit = ChargingRateUnitType.W } };

    public static ChargingProfile WithPhases(this ChargingProfile p, int? phases) =>
        p with { ChargingSchedule = p.ChargingSchedule with { ChargingSchedulePeriod = [.. p.ChargingSchedule.ChargingSchedulePeriod.Select(x => x with { NumberPhases = phases })] } };

    public static ChargingProfile WithMinChargingRate(this ChargingProfile p, decimal rate) =>
        p with { ChargingSchedule = p.ChargingSchedule with { MinChargingRate = rate } };

    public static ChargingProfile Relative(this ChargingProfile p) => p with { ChargingProfileKind = ChargingProfileKindType.Relative };

    public static ChargingProfile Recurring(this ChargingProfile p, RecurrencyKindType kind, DateTimeOffset start) =>
        (p with { ChargingProfileKind = ChargingProfileKindType.Recurring, RecurrencyKind = kind }).StartingAt(start);

    public static ChargingProfile ForTransaction(this ChargingProfile p, int? transactionId) => p with { TransactionId = transactionId };

    public static ConnectorSituation Connector(int id, int phases = 1, decimal voltage = 230m, decimal maxCurrent = 32m, ConnectorTransaction? transaction = null) =>
        new(id, new ElectricalSupply(voltage, phases, maxCurrent), transaction);

    public static ConnectorTransaction Transaction(DateTimeOffset start, int? id = 17) => new(start, id);

    public static StationSituation StationWith(params ConnectorSituation[] connectors) => new() { Connectors = connectors };

    /// <summary>One single-phase 230 V 32 A connector, like the TSCT-2007CP.</summary>
    public static StationSituation OneConnector(ConnectorTransaction? transaction = null) => StationWith(Connector(1, transaction: transaction));

    public static InstalledProfileSet Installed(params (int ConnectorId, ChargingProfile Profile)[] profiles) =>
        InstalledProfileSet.From(profiles.Select(p => new InstalledProfile(p.ConnectorId, p.Profile)));

    public static readonly SmartChargingLimits Limits = new()
    {
        ChargeProfileMaxStackLevel = 8,
        ChargingScheduleMaxPeriods = 24,
        MaxChargingProfilesInstalled = 10,
        ChargingScheduleAllowedChargingRateUnit = [ChargingRateUnitType.A, ChargingRateUnitType.W],
    };

    /// <summary>The periods of a composite as (startPeriod, limit) pairs, failing with the reason if it was rejected.</summary>
    public static (int Start, decimal Limit)[] Periods(this CompositeScheduleResult result)
    {
        Xunit.Assert.True(result.Schedule is not null, $"rejected: {result.Reason}");
        return [.. result.Schedule!.Periods.Select(p => (p.StartPeriod, p.Limit))];
    }

    public static (int Start, decimal Limit)[] Composite(
        InstalledProfileSet installed, StationSituation station, int connectorId, DateTimeOffset start, int duration, ChargingRateUnitType? unit = null) =>
        CompositeScheduleCalculator.Calculate(installed, station, connectorId, start, duration, unit).Periods();
}
