using CentralSystem;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Testing;
using Station.FileTransfer;
using Station.Host.Fleet;
using Station.Model;
using Station.Storage.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// Chaos of a fleet in virtual time, over real loopback WebSockets against the built-in Central
/// System: network drops and power losses at random moments drawn from the seed, and afterwards the
/// Central System's record is whole.
/// </summary>
public sealed class FleetChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Network_drops_and_power_losses_lose_no_message_reuse_no_transactionId_and_stop_every_transaction_exactly_once()
    {
        await using var csms = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System).OrTimeout();
        var record = new TransactionRecord();
        csms.FrameRecorded += (_, frame) => record.Add(frame);
        using var data = new TempDirectory();
        var clock = new VirtualClock();
        var chaos = new ChaosSettings { DisconnectsPerHour = 10, Offline = new(5, 60), PowerLossesPerHour = 10, PowerOff = new(5, 30) };
        var calls = new CallsInFlight();
        var settings = Settings(csms, data, seed: 21, Group(4, atg: true, chaos)) with { WrapFrameObserver = calls.Wrap };
        using var storage = FleetStorage.Open(data.Path, Durability.ProcessCrashSafe);
        using var fileTransfer = new FileTransferClient();
        using var sink = new TestLogSink(output.WriteLine);
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(sink).SetMinimumLevel(LogLevel.Information)
            .AddFilter((category, level) => level >= LogLevel.Warning || category == "Station.Fleet.Chaos"));
        using var fleet = new FleetRunner(settings, storage, fileTransfer, clock, loggers);
        foreach (var station in fleet.Stations)
        {
            calls.Watch(station);
        }

        await fleet.StartAsync(CancellationToken.None).OrTimeout();
        await fleet.AllBooted.OrTimeout();

        await FleetVirtualTime.AdvanceAsync(fleet, clock, TimeSpan.FromMinutes(40), calls);
        var counts = fleet.Counts();

        // The chaos ends (what is down comes back), the stations go on until every one is online with nothing queued, then stop in order.
        await fleet.StopDrivingAsync().OrTimeout();
        await FleetVirtualTime.AdvanceUntilAsync(
            fleet, clock, () => fleet.Stations.All(s => s.Runner.Current is { Link.IsOnline: true } c && c.Outbox.Pending == 0), TimeSpan.FromMinutes(10), calls);
        await fleet.StopAsync(CancellationToken.None).OrTimeout();
        counts = fleet.Counts();

        var problems = record.Problems(out var summary);
        output.WriteLine($"{counts.ChaosDisconnects} network drops, {counts.ChaosPowerLosses} power losses, {counts.Reconnects} reconnects; {summary}");
        Assert.Empty(problems);
        Assert.True(counts.ChaosDisconnects >= 5 && counts.ChaosPowerLosses >= 5, $"{counts.ChaosDisconnects} drops, {counts.ChaosPowerLosses} power losses");
        Assert.True(counts.Reconnects > 0, "no station reconnected");
        Assert.True(summary.PowerLossStops > 0, "no transaction was running at a power loss");
        Assert.True(summary.Transactions > summary.PowerLossStops, "no transaction ended otherwise");
        foreach (var station in fleet.Stations)
        {
            // Nothing left behind: no message queued, none given up, no transaction open.
            Assert.Equal(0, station.Stores.Transactions.Count());
            Assert.Equal(0, station.Stores.Transactions.DeadLetterCount());
            Assert.Empty(station.Stores.Transactions.LoadOpen());
        }
    }

    [Fact]
    public async Task The_same_seed_gives_every_station_the_same_chaos_and_another_seed_another()
    {
        var first = await ChaosOfAsync(seed: 7);
        var again = await ChaosOfAsync(seed: 7);
        var other = await ChaosOfAsync(seed: 8);

        Assert.Equal(3, first.Count);
        Assert.All(first.Values, events => Assert.Contains("power", events, StringComparison.Ordinal));
        Assert.All(first.Values, events => Assert.Contains("network", events, StringComparison.Ordinal));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_station_draws_its_waits_as_a_Poisson_process_at_the_rate_given()
    {
        var random = StationChaos.RandomFor(seed: 1, index: 1);
        var waits = Enumerable.Range(0, 20_000).Select(_ => StationChaos.NextWait(random, perHour: 6).TotalHours).ToList();

        // Exponential with mean 1/6 h: the mean within 3 %, and about e^-1 of the waits longer than the mean.
        Assert.InRange(waits.Average(), 1 / 6.0 * 0.97, 1 / 6.0 * 1.03);
        Assert.InRange(waits.Count(w => w > 1 / 6.0) / (double)waits.Count, 0.35, 0.39);
    }

    // Per station, the chaos events in order (what, how long) over one hour of virtual time, read from the chaos log.
    private static async Task<Dictionary<string, string>> ChaosOfAsync(int seed)
    {
        await using var csms = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System).OrTimeout();
        using var sink = new TestLogSink();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(sink).AddFilter((category, _) => category == "Station.Fleet.Chaos"));
        using var data = new TempDirectory();
        var clock = new VirtualClock();
        var chaos = new ChaosSettings { DisconnectsPerHour = 15, PowerLossesPerHour = 15 };
        using var storage = FleetStorage.Open(data.Path, Durability.ProcessCrashSafe);
        using var fileTransfer = new FileTransferClient();
        var calls = new CallsInFlight();
        using var fleet = new FleetRunner(Settings(csms, data, seed, Group(3, atg: false, chaos)) with { WrapFrameObserver = calls.Wrap }, storage, fileTransfer, clock, loggers);
        foreach (var station in fleet.Stations)
        {
            calls.Watch(station);
        }

        await fleet.StartAsync(CancellationToken.None).OrTimeout();
        await fleet.AllBooted.OrTimeout();
        await FleetVirtualTime.AdvanceAsync(fleet, clock, TimeSpan.FromHours(1), calls);
        await fleet.StopAsync(CancellationToken.None).OrTimeout();

        return sink.Entries
            .Select(e => e.Message.Split(' ', 3))
            .GroupBy(words => words[1], words => words[2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("\n", g), StringComparer.Ordinal);
    }

    private static FleetGroup Group(int count, bool atg, ChaosSettings chaos) => new()
    {
        Model = FleetModel.Apply(StationModel.Tsct2007Cp, 2, ["MeterValueSampleInterval=30"]),
        Count = count,
        Atg = atg,
        TxDuration = new SecondsRange(30, 120),
        TxPause = new SecondsRange(5, 15),
        Chaos = chaos,
    };

    private static FleetSettings Settings(CentralSystemServer csms, TempDirectory data, int seed, FleetGroup group) => new()
    {
        Groups = [group],
        CentralSystemUris = [csms.Endpoint],
        Ramp = 1e9,
        Seed = seed,
        DataDirectory = data.Path,
    };
}
