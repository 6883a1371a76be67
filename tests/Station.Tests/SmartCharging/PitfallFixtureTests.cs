using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;
using static Station.Tests.SmartCharging.Profiles;

namespace Station.Tests.SmartCharging;

/// <summary>
/// The ways composite schedules break in other stacks (pitfalls.md item 3, libocpp#609, #1169,
/// #1051, PR #1062), one row each: the profiles, the question, and the answer they must give.
/// </summary>
public sealed class PitfallFixtureTests
{
    /// <summary>A Monday 00:00 UTC, so that days and weeks can be crossed on purpose.</summary>
    private static readonly DateTimeOffset Monday = new(2031, 3, 17, 0, 0, 0, TimeSpan.Zero);

    public sealed record Row(
        string Failure, InstalledProfileSet Installed, StationSituation Station, int ConnectorId, DateTimeOffset Start, int Duration,
        ChargingRateUnitType Unit, (int Start, decimal Limit)[] Expected)
    {
        public override string ToString() => Failure;
    }

    private static readonly StationSituation TwoConnectors = StationWith(Connector(1), Connector(2));

    public static TheoryData<Row> Rows => new()
    {
        new("a period that starts inside the window is ignored (libocpp#609)",
            Installed((1, TxDefault(1, (0, 6), (150, 10)).StartingAt(T0.AddSeconds(-100)))), OneConnector(), 1, T0, 300, ChargingRateUnitType.A,
            [(0, 6), (50, 10)]),
        new("a profile that starts inside the window is ignored",
            Installed((1, TxDefault(1, (0, 6)).StartingAt(T0.AddSeconds(120)).Lasting(60))), OneConnector(), 1, T0, 300, ChargingRateUnitType.A,
            [(0, 32), (120, 6), (180, 32)]),
        new("duration 0 gives the default limits instead of the profile's (libocpp#1169)",
            Installed((0, StationMax(1, (0, 16)))), OneConnector(), 1, T0, 0, ChargingRateUnitType.A,
            [(0, 16)]),
        new("duration 0 on connector 0 gives the default limits",
            Installed((0, StationMax(1, (0, 11000)).InWatts())), TwoConnectors, 0, T0, 0, ChargingRateUnitType.W,
            [(0, 11000)]),
        new("the replaced profile of the same stack level and purpose is kept (libocpp#1051)",
            Installed((1, TxDefault(101, (0, 20)).AtLevel(30)), (1, TxDefault(102, (0, 30)).AtLevel(30))), OneConnector(), 1, T0, 60, ChargingRateUnitType.A,
            [(0, 30)]),
        new("connector 0 ignores the connectors' own profiles (libocpp PR #1062: two connectors at 10 A under 32 A make 20 A)",
            Installed((0, StationMax(1, (0, 32))), (0, TxDefault(2, (0, 10)))), TwoConnectors, 0, T0, 60, ChargingRateUnitType.A,
            [(0, 20)]),
        new("connector 0 ignores ChargePointMaxProfile",
            Installed((0, StationMax(1, (0, 16))), (1, TxDefault(2, (0, 10)))), TwoConnectors, 0, T0, 60, ChargingRateUnitType.A,
            [(0, 16)]),
        new("connector 0 forgets a connector without profiles (its rating counts)",
            Installed((1, TxDefault(2, (0, 10)))), TwoConnectors, 0, T0, 60, ChargingRateUnitType.A,
            [(0, 42)]),
        new("a daily profile crossing midnight is lost after 00:00",
            Installed((1, TxDefault(1, (0, 6), (3600, 8), (7200, 10)).Recurring(RecurrencyKindType.Daily, Monday.AddDays(-3).AddHours(-2)).Lasting(4 * 3600))),
            OneConnector(), 1, Monday.AddMinutes(-30), 3 * 3600, ChargingRateUnitType.A,
            [(0, 8), (1800, 10), (9000, 32)]),
        new("a daily profile started before the window is not found in today's occurrence",
            Installed((1, TxDefault(1, (0, 6), (28800, 16)).Recurring(RecurrencyKindType.Daily, Monday.AddDays(-10)).Lasting(86400))),
            OneConnector(), 1, Monday.AddHours(7), 4 * 3600, ChargingRateUnitType.A,
            [(0, 6), (3600, 16)]),
        new("a weekly profile crossing into the next week is lost",
            Installed((1, TxDefault(1, (0, 10), (604_200, 6)).Recurring(RecurrencyKindType.Weekly, Monday.AddDays(-14)))),
            OneConnector(), 1, Monday.AddMinutes(-15), 1800, ChargingRateUnitType.A,
            [(0, 10), (300, 6), (900, 10)]),
        new("a recurring duration longer than its period runs over the next occurrence",
            Installed((1, TxDefault(1, (0, 6), (86_000, 12), (86_500, 3)).Recurring(RecurrencyKindType.Daily, Monday.AddDays(-1)).Lasting(90_000))),
            OneConnector(), 1, Monday.AddSeconds(-600), 1200, ChargingRateUnitType.A,
            [(0, 6), (200, 12), (600, 6)]),
        new("a relative profile without a transaction is dropped (it starts with the window)",
            Installed((1, TxDefault(1, (0, 6), (600, 10)).Relative().Lasting(1200))), OneConnector(), 1, T0, 2000, ChargingRateUnitType.A,
            [(0, 6), (600, 10), (1200, 32)]),
        new("a relative profile with a transaction starts at the request instead of the transaction",
            Installed((1, TxDefault(1, (0, 6), (600, 10)).Relative().Lasting(1200))), OneConnector(Transaction(T0.AddSeconds(-300))), 1, T0, 2000, ChargingRateUnitType.A,
            [(0, 6), (300, 10), (900, 32)]),
        new("a TxProfile applies without a transaction",
            Installed((1, Tx(1, (0, 6)))), OneConnector(), 1, T0, 60, ChargingRateUnitType.A,
            [(0, 32)]),
        new("a TxProfile of another transaction applies",
            Installed((1, Tx(1, (0, 6)).ForTransaction(41))), OneConnector(Transaction(T0, 42)), 1, T0, 60, ChargingRateUnitType.A,
            [(0, 32)]),
        new("a profile valid from the future applies before validFrom (§3.13.2 note)",
            Installed((1, TxDefault(1, (0, 6)).Valid(T0.AddSeconds(90), null))), OneConnector(), 1, T0, 180, ChargingRateUnitType.A,
            [(0, 32), (90, 6)]),
        new("adjacent equal periods are not merged",
            Installed((1, TxDefault(1, (0, 6), (60, 6), (120, 8)))), OneConnector(), 1, T0, 300, ChargingRateUnitType.A,
            [(0, 6), (120, 8)]),
    };

    [Theory]
    [Trait("Pitfall", "3")]
    [MemberData(nameof(Rows))]
    public void Known_failure_does_not_happen(Row row)
    {
        var result = CompositeScheduleCalculator.Calculate(row.Installed, row.Station, row.ConnectorId, row.Start, row.Duration, row.Unit);

        Assert.Equal(row.Expected, result.Periods());
        Assert.Equal((row.Duration, row.Unit, row.ConnectorId), (result.Schedule!.Duration, result.Schedule.ChargingRateUnit, result.Schedule.ConnectorId));
    }
}
