using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.External;

/// <summary>
/// <c>latency --csms process</c>: the built-in Central System (<c>csms</c>) and the station
/// (<c>run</c>) each as its own process, as a user runs them, and this process as the script that
/// drives the csms over its HTTP API and reads its event stream. Nothing of the station is inside
/// this process: what the station's own process costs (its logging, trace file, JIT, GC) is in the figures.
/// </summary>
internal static class ExternalLatencyCommand
{
    private const string StationId = "bench-external";

    public static async Task<int> RunAsync(LatencyOptions options)
    {
        var host = HostDll(options.StationHost);
        using var data = new DataDirectory(options.DataDirectory);
        Console.WriteLine($"latency: {options.Runs} runs per figure after {options.Warmup} warm-up runs; csms and station each in its own process, loopback WebSocket, real time");
        Console.WriteLine("timing: on this process's clock, from just before POST /stations/{id}/calls/{Action} to its answer, or to the caused request's frame event arriving on the " +
            "csms's event stream (GET /events)");
        Machine.Print(Console.Out, data, options.Durability);
        Console.WriteLine($"station: {host}{(options.StationEnvironment.Count == 0 ? string.Empty : " with " + string.Join(' ', options.StationEnvironment.Select(v => $"{v.Key}={v.Value}")))}");
        try
        {
            await using var csms = HostProcess.Start("csms", host, ["csms", "--port", "0", "--log-level", "Warning"], []);
            var endpoint = Endpoint(await csms.WaitForLineAsync("csms listening on "));
            using var api = new HttpClient { BaseAddress = new Uri($"http://{endpoint.Authority}") };
            await using var events = await CsmsEvents.ConnectAsync(api, StationId);

            var controlPort = FreePort();
            var args = new List<string>
            {
                "run", "--csms-url", endpoint.ToString(), "--id", StationId, "--data-dir", data.For(StationId),
                "--control-port", controlPort.ToString(CultureInfo.InvariantCulture), "--durability", options.Durability,
            };
            if (options.StationLogLevel is { } level)
            {
                args.AddRange(["--log-level", level]);
            }

            Console.WriteLine($"station command: ocpp-station {string.Join(' ', args)}");
            var booting = Stopwatch.GetTimestamp();
            await using var station = HostProcess.Start("station", host, args, options.StationEnvironment);
            await station.WaitForLineAsync($"control listening on http://127.0.0.1:{controlPort}");
            using var control = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{controlPort}") };
            await BootedAsync(events);
            Console.WriteLine($"station process started, connected and booted in {Stopwatch.GetElapsedTime(booting).TotalMilliseconds:0} ms");

            var rig = new ExternalLatencyRig(api, control, events, StationId, options);
            var results = new List<FigureResult>();
            var measuring = Stopwatch.GetTimestamp();
            results.AddRange(await rig.MeasureRequestsAsync());
            results.AddRange(await rig.MeasureTransactionsAsync());
            results.AddRange(await rig.MeasureTriggersAsync());
            if (station.HasExited || csms.HasExited)
            {
                throw new BenchmarkFailedException($"a process ended during the run:\n{station.Tail()}\n{csms.Tail()}");
            }

            LatencyReport.Print(Console.Out, rig.HttpFigures);
            Console.WriteLine();
            Console.WriteLine("The same on the csms's event stream alone (its CALL seen → what it caused seen): free of the HTTP request, but both ends ride the");
            Console.WriteLine("event stream's push, which a busy machine delays unevenly (two frames can arrive in one read: a minimum near 0 is that, not the station).");
            LatencyReport.Print(Console.Out, results);
            LatencyReport.Print(Console.Out, rig.Breakdowns);
            Console.WriteLine($"measured in {Stopwatch.GetElapsedTime(measuring).TotalSeconds:0.0} s; load average (1/5/15 min) at the end: {Machine.LoadAverage()}");
        }
        catch (BenchmarkFailedException ex)
        {
            Console.Error.WriteLine($"error: the benchmark run failed, its figures mean nothing: {ex.Message}");
            return 1;
        }

        return 0;
    }

    // Booted: BootNotification answered, then a StatusNotification of connectors 0 and 1 answered.
    private static async Task BootedAsync(CsmsEvents events)
    {
        var boot = await events.NextAsync(0, f => f.IsCallFromStation("BootNotification"), "BootNotification");
        await events.NextAsync(boot.Sequence, f => f.Answers(boot), "its answer");
        foreach (var connectorId in new[] { 0, 1 })
        {
            var status = await events.NextAsync(boot.Sequence, f => f.IsStatus(connectorId, "Available"), $"StatusNotification Available of connector {connectorId}");
            await events.NextAsync(status.Sequence, f => f.Answers(status), "its answer");
        }
    }

    // The Release build of the host in this repository, unless --station-host names another (a ReadyToRun publish, say).
    private static string HostDll(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new UsageException($"--station-host '{given}' does not exist");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OcppStation.slnx")))
            {
                var dll = Path.Combine(directory.FullName, "src", "Station.Host", "bin", "Release", "net10.0", "ocpp-station.dll");
                return File.Exists(dll) ? dll : throw new UsageException($"{dll} does not exist: build it first with dotnet build -c Release src/Station.Host");
            }
        }

        throw new UsageException("not inside the repository: pass --station-host PATH/ocpp-station.dll");
    }

    // "csms listening on ws://127.0.0.1:41234/ocpp" → the endpoint.
    private static Uri Endpoint(string line)
    {
        var text = line["csms listening on ".Length..].Split(' ')[0];
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new BenchmarkFailedException($"cannot read the csms endpoint from '{line}'");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
