using System.Diagnostics;
using CentralSystem;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Rpc;
using Ocpp16.Transport;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// <c>memory</c>: the built-in Central System and N idle stations in one process, each station with
/// its own ChargePoint, simulated hardware and SQLite file. Answers "what does one idle connected
/// station cost?" as the growth of the process per station after a full garbage collection, and
/// times how long N stations take to connect and boot together.
/// </summary>
public static class MemoryCommand
{
    public static async Task<int> RunAsync(MemoryOptions options)
    {
        var log = new LogCounter();
        using var loggerFactory = log.CreateFactory();
        using var data = new DataDirectory(options.DataDirectory);
        var n = options.Stations;
        using var scheduler = new SchedulerProbe(options.Scheduler);
        Console.WriteLine($"memory: {n} idle stations and the built-in Central System in one process; each station: ChargePoint, simulated hardware, its own SQLite file");
        Machine.Print(Console.Out, data, LatencyOptions.PowerLossSafe);
        Console.WriteLine("Central System: FrameHistoryLimit 0 (it keeps no frames, so its share per connection stays small); default heartbeat interval 60 s");
        try
        {
            await using var csms = await CentralSystemServer.StartAsync(new CentralSystemOptions { FrameHistoryLimit = 0 }, loggerFactory, TimeProvider.System);
            using var boots = new BootTracker(csms);

            // One station first, so that JIT, static caches, Kestrel and SQLite start-up are in the baseline, not in the per-station figures.
            await using var warm = BenchStation.Create("bench-warm-up", csms.Endpoint, data.For("bench-warm-up"), loggerFactory);
            await warm.StartAsync();
            await boots.WaitForAsync(1).Bounded("the warm-up station to boot");
            var baseline = ProcessSnapshot.Take();
            Console.WriteLine();
            Console.WriteLine($"baseline (Central System + 1 warm-up station): {baseline}");

            var creating = Stopwatch.GetTimestamp();
            var stations = new List<BenchStation>(n);
            for (var i = 0; i < n; i++)
            {
                var id = $"bench-{i:D5}";
                stations.Add(BenchStation.Create(id, csms.Endpoint, data.For(id), loggerFactory, clock: scheduler.Clock));
            }

            var created = Stopwatch.GetElapsedTime(creating);
            var constructed = ProcessSnapshot.Take();
            Console.WriteLine($"{n} stations constructed, not connected ({created.TotalSeconds:0.00} s, SQLite files created and migrated):");
            Console.WriteLine($"  per station: {constructed.PerItem(baseline, n)}");

            var starting = Stopwatch.GetTimestamp();
            foreach (var station in stations)
            {
                await station.StartAsync();
            }

            await boots.WaitForAsync(n + 1).WaitAsync(TimeSpan.FromMinutes(10), TimeProvider.System);
            var bootedAll = Stopwatch.GetElapsedTime(starting);
            var bootTimes = stations.Select(s => Stopwatch.GetElapsedTime(starting, boots.BootedAt[s.Id]).TotalMilliseconds).ToList();
            var offline = stations.Count(s => !s.ChargePoint.Link.IsOnline || s.Running.IsCompleted);
            if (offline > 0)
            {
                throw new BenchmarkFailedException($"{offline} stations are not online although the Central System saw them boot");
            }

            var booted = Summary.Of(bootTimes);
            Console.WriteLine($"{n} stations connected and booted (BootNotification accepted, 2 StatusNotifications answered) in {bootedAll.TotalSeconds:0.00} s,");
            Console.WriteLine($"  all started at once: first booted after {booted.Min:0} ms, median {booted.Median:0} ms, p99 {booted.P99:0} ms, last {booted.Max:0} ms");

            var idle = ProcessSnapshot.Take();
            Console.WriteLine($"idle and connected: {idle}");
            Console.WriteLine($"  per station (the station and its session in the in-process Central System): {idle.PerItem(baseline, n)}");
            Console.WriteLine($"  threads: {baseline.Threads} before, {idle.Threads} with {n + 1} stations (none per station)");
            await scheduler.PrintIdleAsync(Console.Out, n, TimeSpan.FromSeconds(options.IdleSeconds));

            var stopping = Stopwatch.GetTimestamp();
            foreach (var station in stations)
            {
                await station.DisposeAsync();
            }

            Console.WriteLine($"{n} stations stopped in {Stopwatch.GetElapsedTime(stopping).TotalSeconds:0.00} s");
            await BareConnectionsAsync(csms, n);
        }
        catch (Exception ex) when (ex is BenchmarkFailedException or TimeoutException)
        {
            Console.Error.WriteLine($"error: the benchmark run failed, its figures mean nothing: {ex.Message}");
            log.Print(Console.Error);
            return 1;
        }

        log.Print(Console.Out);
        return 0;
    }

    // The control: the same number of bare OCPP-J connections (WebSocket client and RpcConnection on
    // one side, the Central System's session on the other), without a station behind them.
    private static async Task BareConnectionsAsync(CentralSystemServer csms, int n)
    {
        var before = ProcessSnapshot.Take();
        using var stop = new CancellationTokenSource();
        var connections = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            var id = $"bare-{i:D5}";
            var transport = await OcppWebSocketClient.ConnectAsync(new WebSocketClientOptions { CentralSystemUri = csms.Endpoint, ChargePointId = id });
            var connection = new RpcConnection(transport, new CallRouter(), new RpcOptions(), TimeProvider.System, NullLogger.Instance);
            var running = connection.RunAsync(stop.Token);
            await csms.WaitForStationAsync(id).Bounded($"the session of {id}");
            return (Connection: connection, Running: running);
        }));
        var connected = ProcessSnapshot.Take();
        Console.WriteLine($"control: {n} bare OCPP-J connections, both ends in this process, no station behind them:");
        Console.WriteLine($"  per connection: {connected.PerItem(before, n)}");
        await stop.CancelAsync();
        foreach (var (connection, running) in connections)
        {
            await running;
            await connection.DisposeAsync();
        }
    }
}
