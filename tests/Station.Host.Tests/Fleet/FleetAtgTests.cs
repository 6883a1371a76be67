using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CentralSystem;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.FileTransfer;
using Station.Host.Fleet;
using Station.Model;
using Station.Storage.Sqlite;
using Xunit;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// Automatic transactions of a fleet in virtual time, over real loopback WebSockets against the
/// built-in Central System: the same seed gives every station the same message sequence.
/// </summary>
public sealed partial class FleetAtgTests
{
    private const int Stations = 4;

    [Fact]
    public async Task The_same_seed_gives_every_station_the_same_message_sequence_and_another_seed_another()
    {
        var first = await RunAsync(seed: 11);
        var again = await RunAsync(seed: 11);
        var other = await RunAsync(seed: 12);

        Assert.Equal(Stations * 2, first.Count);
        foreach (var (id, sequence) in first)
        {
            Assert.Contains(id.EndsWith("transactions", StringComparison.Ordinal) ? "StopTransaction" : "Authorize", sequence, StringComparison.Ordinal);
            Assert.Equal(sequence, again[id]);
        }

        Assert.NotEqual(first.Values, other.Values);
    }

    // Every CALL the Central System received, per station and queue, without what the Central System chose (transactionId) or the time.
    // A station has two queues, its transaction messages (persisted, in order) and the others (statuses, Authorize, heartbeats);
    // each is in a fixed order, but how the two interleave on the wire depends on the network.
    private static async Task<Dictionary<string, string>> RunAsync(int seed)
    {
        // The Central System answers with the fleet's virtual time: with the real clock every Heartbeat moved the
        // stations' clocks by however much real time the run had taken, and meter values followed the jumps.
        var clock = new VirtualClock();
        await using var csms = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, clock).OrTimeout();
        var calls = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        csms.FrameRecorded += (_, frame) =>
        {
            if (frame.IsCall(FrameDirection.Received))
            {
                var text = Volatile().Replace(frame.Text[frame.Text.IndexOf(frame.Action!, StringComparison.Ordinal)..], "");
                var queue = frame.Action is "StartTransaction" or "MeterValues" or "StopTransaction" ? "transactions" : "others";
                calls.GetOrAdd($"{frame.ChargePointId} {queue}", _ => new ConcurrentQueue<string>()).Enqueue(text);
            }
        };

        using var data = new TempDirectory();
        var settings = new FleetSettings
        {
            Groups =
            [
                new FleetGroup
                {
                    // No clock-aligned values: on the virtual clock they fall on the same instant as a sample, and
                    // which of two timers due at one instant runs first is not the seed's to decide.
                    Model = FleetModel.Apply(StationModel.Tsct2007Cp, 2, ["MeterValueSampleInterval=10", "ClockAlignedDataInterval=0"]),
                    EvPowerW = 7400,
                    Count = Stations,
                    Atg = true,
                    TxDuration = new SecondsRange(30, 60),
                    TxPause = new SecondsRange(5, 15),
                },
            ],
            CentralSystemUris = [csms.Endpoint],
            Ramp = 1e9,
            Seed = seed,
            DataDirectory = data.Path,
        };
        using var storage = FleetStorage.Open(data.Path, Durability.ProcessCrashSafe);
        using var fileTransfer = new FileTransferClient();
        using var fleet = new FleetRunner(settings, storage, fileTransfer, clock, NullLoggerFactory.Instance);
        await fleet.StartAsync(CancellationToken.None).OrTimeout();
        await fleet.AllBooted.OrTimeout();
        await FleetVirtualTime.AdvanceAsync(fleet, clock, TimeSpan.FromMinutes(4));
        var result = calls.ToDictionary(c => c.Key, c => string.Join("\n", c.Value), StringComparer.Ordinal);
        await fleet.StopAsync(CancellationToken.None).OrTimeout();
        return result;
    }

    // The techInfo of SettingSystemTime says how far the clock moved, from whenever the run started.
    [GeneratedRegex("""("transactionId":\d+,?)|("timestamp":"[^"]*",?)|("techInfo":"[^"]*",?)""")]
    private static partial Regex Volatile();
}
