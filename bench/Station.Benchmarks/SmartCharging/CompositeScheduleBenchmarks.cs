using BenchmarkDotNet.Attributes;
using Ocpp16.Messages;
using Station.SmartCharging;

namespace Station.Benchmarks.SmartCharging;

/// <summary>
/// What does answering GetCompositeSchedule cost, and what does the limit applier pay per timer?
/// Ten installed profiles of 24 hourly periods each (two ChargePointMaxProfiles, one of them
/// Recurring Daily; five TxDefaultProfiles on connector 0 and on the connectors; two TxProfiles of
/// the transaction on connector 1; one TxProfile that does not apply), on a station with two
/// three-phase connectors; a 24 h window whose hours start half-way through the profiles' hours.
/// Connector 0 is the station's total. Both benchmarks check their answer in [GlobalSetup] against
/// the closed form of this design (<see cref="Expected"/>), not against the code they measure.
/// </summary>
[MemoryDiagnoser]
public class CompositeScheduleBenchmarks
{
    private const int Hour = 3600;
    private const int Day = 24 * Hour;

    // The profiles' hour h starts at Start - 1800 + h x 3600: inside the window, not on its edge.
    private static readonly DateTimeOffset Start = new(2031, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly DateTimeOffset ProfileStart = Start.AddSeconds(-Hour / 2);

    private InstalledProfileSet _installed = null!;
    private StationSituation _station = null!;
    private DateTimeOffset _now;

    [Params(0, 1, 2)]
    public int ConnectorId { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _station = new StationSituation
        {
            Connectors =
            [
                new ConnectorSituation(1, new ElectricalSupply(230m, 3, 32m), new ConnectorTransaction(Start.AddHours(-1), 42)),
                new ConnectorSituation(2, new ElectricalSupply(230m, 3, 32m)),
            ],
        };
        _installed = Profiles();
        _now = Start.AddSeconds(5 * Hour + 123);

        var composite = Composite();
        var expected = Expected(ConnectorId);
        Require(composite.Periods.Count == expected.Count && composite.Periods.Zip(expected).All(p => p.First == p.Second),
            $"composite differs:\n  expected {string.Join(", ", expected)}\n  got      {string.Join(", ", composite.Periods)}");
        Require(expected.Count >= 20, $"the design gives only {expected.Count} periods: the window should cross most profile hours");

        var limit = LimitNow();
        var at = (int)(_now - Start).TotalSeconds;
        var current = expected.Last(p => p.StartPeriod <= at);
        var next = expected.First(p => p.StartPeriod > at);
        Require(limit.Limit == current.Limit && limit.NextChange == Start.AddSeconds(next.StartPeriod),
            $"limit now {limit.Limit} until {limit.NextChange:O}, expected {current.Limit} until {Start.AddSeconds(next.StartPeriod):O}");
    }

    [Benchmark]
    public CompositeSchedule Composite() =>
        CompositeScheduleCalculator.Calculate(_installed, _station, ConnectorId, Start, Day, ChargingRateUnitType.A).Schedule
        ?? throw new InvalidOperationException("rejected");

    [Benchmark]
    public ConnectorLimit LimitNow() => InstantLimitCalculator.At(_installed, _station, ConnectorId, _now);

    // The design's limits by profile hour h (0..23): one function per profile.
    private static decimal StationMax0(int h) => 30 - (h % 6);
    private static decimal StationMax1(int h) => 18 + (h % 2);
    private static decimal Tx0(int h) => 20 + (h % 3);
    private static decimal Tx1(int h) => 6 + (h % 7);
    private static decimal Connector2Own(int h) => 15 + (h % 2);

    private static InstalledProfileSet Profiles()
    {
        static ChargingProfile Profile(int id, ChargingProfilePurposeType purpose, int level, Func<int, decimal> limit) => new()
        {
            ChargingProfileId = id,
            StackLevel = level,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = ChargingProfileKindType.Absolute,
            ChargingSchedule = new ChargingSchedule
            {
                StartSchedule = ProfileStart,
                ChargingRateUnit = ChargingRateUnitType.A,
                ChargingSchedulePeriod = [.. Enumerable.Range(0, 24).Select(h => new ChargingSchedulePeriod { StartPeriod = h * Hour, Limit = limit(h) })],
            },
        };

        var max = ChargingProfilePurposeType.ChargePointMaxProfile;
        var txDefault = ChargingProfilePurposeType.TxDefaultProfile;
        var tx = ChargingProfilePurposeType.TxProfile;
        var stationMax0 = Profile(1, max, 0, StationMax0);
        return InstalledProfileSet.From(
        [
            // Recurring Daily: its hour 0 comes back for the window's last half hour, when level 1 is no longer valid.
            new(0, stationMax0 with
            {
                ChargingProfileKind = ChargingProfileKindType.Recurring,
                RecurrencyKind = RecurrencyKindType.Daily,
                ChargingSchedule = stationMax0.ChargingSchedule with { Duration = Day },
            }),
            new(0, Profile(2, max, 1, StationMax1) with { ValidFrom = ProfileStart.AddHours(18), ValidTo = ProfileStart.AddHours(24) }),
            new(0, Profile(3, txDefault, 0, h => 10 + h)),
            new(0, Profile(4, txDefault, 2, h => 14 + (h % 4))),
            new(1, Profile(5, txDefault, 0, _ => 9)),
            new(1, Profile(6, txDefault, 1, h => 11 + (h % 5))),
            new(2, Profile(7, txDefault, 2, Connector2Own)),
            new(1, Profile(8, tx, 0, Tx0) with { TransactionId = 42 }),
            new(1, Profile(9, tx, 1, Tx1) with { ValidTo = ProfileStart.AddHours(12) }),
            new(1, Profile(10, tx, 2, _ => 1) with { TransactionId = 41 }),
        ]);
    }

    /// <summary>
    /// The composite this design must give, from its description: on connector 1 the TxProfiles
    /// (level 1 for the first 12 h, then level 0) overrule every TxDefaultProfile; on connector 2 its
    /// own level 2 TxDefaultProfile beats connector 0's at the same level; both are capped by the
    /// ChargePointMaxProfiles (level 1 for hours 18..23); connector 0 is the cap over their sum.
    /// Absolute schedules without a duration keep their last hour; the Recurring one restarts.
    /// </summary>
    private static List<CompositePeriod> Expected(int connectorId)
    {
        var periods = new List<CompositePeriod>();
        for (var offset = 0; offset < Day; offset = ((offset + (Hour / 2)) / Hour * Hour) + (Hour / 2))
        {
            var h = (offset + (Hour / 2)) / Hour;
            var last = Math.Min(h, 23);
            var cap = h is >= 18 and < 24 ? StationMax1(h) : StationMax0(h % 24);
            var first = h < 12 ? Tx1(h) : Tx0(last);
            var second = Connector2Own(last);
            var limit = connectorId switch
            {
                1 => Math.Min(first, cap),
                2 => Math.Min(second, cap),
                _ => Math.Min(first + second, cap),
            };
            if (periods.Count == 0 || periods[^1].Limit != limit)
            {
                periods.Add(new CompositePeriod(offset, limit, 3));
            }
        }

        return periods;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"benchmark self-check failed: {problem}");
        }
    }
}
