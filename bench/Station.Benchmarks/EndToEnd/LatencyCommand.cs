using System.Diagnostics;
using CentralSystem;
using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// <c>latency</c>: the built-in Central System and one station in this process, over a real
/// loopback WebSocket, with a real SQLite file and real time. Measures what the certification lab
/// measured and prints it next to the lab's figures. Exit code 0 whatever the figures (it is a
/// measurement); 1 when the run itself failed (an unexpected answer or a timeout).
/// </summary>
public static class LatencyCommand
{
    private const string StationId = "bench-latency";

    public static async Task<int> RunAsync(LatencyOptions options)
    {
        if (options.Csms == LatencyOptions.Processes)
        {
            return await External.ExternalLatencyCommand.RunAsync(options);
        }

        var log = new LogCounter();
        using var loggerFactory = log.CreateFactory();
        using var data = new DataDirectory(options.DataDirectory);
        Console.WriteLine($"latency: {options.Runs} runs per figure after {options.Warmup} warm-up runs; Central System and station in one process, loopback WebSocket, real time");
        Machine.Print(Console.Out, data, options.Durability);
        try
        {
            await using var csms = await CentralSystemServer.StartAsync(new CentralSystemOptions { FrameHistoryLimit = 1000 }, loggerFactory, TimeProvider.System);
            var configuration = new Dictionary<string, string> { [CoreKeys.AuthorizeRemoteTxRequests] = "false" };
            TimedTransactionStore? store = null;
            await using var station = BenchStation.Create(
                StationId, csms.Endpoint, data.For(StationId), loggerFactory, configuration, [new EchoVendor()], inner => store = new TimedTransactionStore(inner), options.StorageDurability);
            var booting = Stopwatch.GetTimestamp();
            await station.StartAsync();
            var session = await BootedAsync(csms);
            Console.WriteLine($"station connected and booted in {Stopwatch.GetElapsedTime(booting).TotalMilliseconds:0} ms");

            using var probe = new FrameProbe(session);
            var rig = new LatencyRig(session, station, store!, probe, options);
            var results = new List<FigureResult>();
            var measuring = Stopwatch.GetTimestamp();
            results.AddRange(await rig.MeasureRequestsAsync());
            results.AddRange(await rig.MeasureTransactionsAsync());
            results.AddRange(await rig.MeasureTriggersAsync());
            if (station.Running.IsCompleted)
            {
                throw new BenchmarkFailedException("the station stopped during the run");
            }

            LatencyReport.Print(Console.Out, results);
            LatencyReport.Print(Console.Out, rig.Breakdowns);
            Console.WriteLine($"measured in {Stopwatch.GetElapsedTime(measuring).TotalSeconds:0.0} s");
        }
        catch (BenchmarkFailedException ex)
        {
            Console.Error.WriteLine($"error: the benchmark run failed, its figures mean nothing: {ex.Message}");
            log.Print(Console.Error);
            return 1;
        }

        log.Print(Console.Out);
        return 0;
    }

    // Booted: BootNotification accepted, and a StatusNotification of connectors 0 and 1 answered.
    private static async Task<StationSession> BootedAsync(CentralSystemServer csms)
    {
        var session = await csms.WaitForStationAsync(StationId).Bounded("the station to connect");
        await session.WaitForFirstCallAsync<BootNotificationRequest>().Bounded("BootNotification");
        foreach (var connectorId in new[] { 0, 1 })
        {
            var status = await session.WaitForFrameAsync(0, f => f.Payload is StatusNotificationRequest s && s.ConnectorId == connectorId).Bounded($"StatusNotification of connector {connectorId}");
            await session.WaitForFrameAsync(status.Sequence, f => f.MessageId == status.MessageId && f.Direction == Ocpp16.Rpc.FrameDirection.Sent).Bounded("its answer");
        }

        return session;
    }
}
