using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Station.Benchmarks.Chaos;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Fleet;

/// <summary>
/// <c>fleet</c>: the fleet benchmark of issue 13. The built-in Central System (<c>csms --quiet</c>)
/// and the fleet (<c>fleet --atg</c> on the issue's schedule) run as processes, one pair per
/// <c>--per-process</c> stations (a process may open at most ~20,000 files here, and 30,000 sockets
/// need two of each), with adjacent <c>--first-index</c> ranges. It waits until every station is booted, lets the transactions settle for
/// <c>--warmup</c>, measures the steady phase of <c>--duration</c> seconds from the fleets'
/// control APIs and <c>/proc</c>, then stops the fleets with SIGTERM and prints the figures.
/// </summary>
internal static class FleetBenchCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(300);

    public static async Task<int> RunAsync(FleetBenchOptions options)
    {
        using var data = new DataDirectory(options.DataDirectory);
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet benchmark: {options.Stations} stations in {options.Processes} fleet process(es), each against a Central System process of its own; seed {options.Seed}"));
        Machine.Print(output, data, LatencyOptions.ProcessCrashSafe);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"schedule: {FleetSchedule.Connectors} connectors, transactions {FleetSchedule.TxMinSeconds}-{FleetSchedule.TxMaxSeconds} s, pauses " +
            $"{FleetSchedule.PauseMinSeconds}-{FleetSchedule.PauseMaxSeconds} s, MeterValues every {FleetSchedule.MeterValueSampleInterval} s ({FleetSchedule.Measurands}), " +
            $"Heartbeat {FleetSchedule.HeartbeatInterval} s: {FleetSchedule.CallsPerStationSecond:0.000} CALLs/s per station"));

        var baseRss = await MeasureBaseAsync(options, data).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"base: a fleet process of 1 station, booted and charging, holds {baseRss / 1e6:0} MB (whole process tree)"));
        var processes = new List<(ChildProcess Csms, ChildProcess Fleet, int ControlPort)>();
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var p = 0; p < options.Processes; p++)
            {
                var first = 1 + p * options.PerProcess;
                var count = Math.Min(options.PerProcess, options.Stations - p * options.PerProcess);
                processes.Add(await StartPairAsync(options, Path.Combine(data.Path, $"fleet-{p + 1}"), first, count).ConfigureAwait(false));
                Console.WriteLine($"process {p + 1}: {count} stations from index {first}, control port {processes[^1].ControlPort}");
            }

            var fleets = processes.Select(x => x.Fleet).ToList();
            var ports = processes.Select(x => x.ControlPort).ToList();
            var pids = fleets.Select(f => f.Id).ToList();
            var csmsPids = processes.Select(x => x.Csms.Id).ToList();
            var sampler = new RssSampler(pids);
            using var sampling = new CancellationTokenSource();
            var samplingTask = sampler.RunAsync(sampling.Token);

            var bootedAfter = await WaitBootedAsync(fleets, started, TimeSpan.FromSeconds(options.BootTimeoutSeconds)).ConfigureAwait(false);
            output.WriteLine(bootedAfter is { } b
                ? string.Create(CultureInfo.InvariantCulture, $"all {options.Stations} booted {b.TotalSeconds:0.0} s after the start; warm-up {options.WarmupSeconds} s")
                : $"not every station booted within --boot-timeout {options.BootTimeoutSeconds} s; measuring anyway");

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), TimeProvider.System).ConfigureAwait(false);
            var (_, csmsCpuBefore) = ProcessTree.Measure(csmsPids);
            var (_, fleetCpuBefore) = ProcessTree.Measure(pids);
            var before = await FleetSnapshot.TakeAsync(http, ports, CancellationToken.None).ConfigureAwait(false);
            sampler.BeginSteady();
            output.WriteLine($"steady phase: {options.SteadySeconds} s");
            await Task.Delay(TimeSpan.FromSeconds(options.SteadySeconds), TimeProvider.System).ConfigureAwait(false);
            var after = await FleetSnapshot.TakeAsync(http, ports, CancellationToken.None).ConfigureAwait(false);
            var (_, fleetCpuAfter) = ProcessTree.Measure(pids);
            var (csmsRss, csmsCpuAfter) = ProcessTree.Measure(csmsPids);
            sampler.EndSteady();

            var stopping = Stopwatch.GetTimestamp();
            await Task.WhenAll(fleets.Select(f => f.TerminateAsync())).ConfigureAwait(false);
            var stopped = await Task.WhenAll(fleets.Select(f => f.WaitForExitAsync(StopTimeout))).ConfigureAwait(false);
            var stopSeconds = Stopwatch.GetElapsedTime(stopping).TotalSeconds;
            await sampling.CancelAsync().ConfigureAwait(false);
            await samplingTask.ConfigureAwait(false);

            new FleetBenchReport(options, bootedAfter, before, after, sampler, baseRss, (fleetCpuAfter - fleetCpuBefore, csmsCpuAfter - csmsCpuBefore), csmsRss)
                .Print(output, stopped.All(s => s) ? stopSeconds : null, fleets.Sum(f => f.Stderr.Count));
            var logs = fleets.SelectMany(f => f.Stderr).Take(5).ToList();
            foreach (var line in logs)
            {
                output.WriteLine($"  fleet log: {line.Text}");
            }

            return 0;
        }
        finally
        {
            foreach (var (csms, fleet, _) in processes)
            {
                await fleet.DisposeAsync().ConfigureAwait(false);
                await csms.TerminateAsync().ConfigureAwait(false);
                await csms.WaitForExitAsync(StartTimeout).ConfigureAwait(false);
                await csms.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // The base of "RSS per station": the same fleet command with one station, after its first transaction began.
    private static async Task<long> MeasureBaseAsync(FleetBenchOptions options, DataDirectory data)
    {
        var (csms, fleet, _) = await StartPairAsync(options, Path.Combine(data.Path, "fleet-base"), options.Stations + 1, 1).ConfigureAwait(false);
        try
        {
            if (await fleet.WaitForLineAsync(l => l.Contains(" booted in ", StringComparison.Ordinal), StartTimeout).ConfigureAwait(false) is null)
            {
                throw new BenchmarkFailedException($"the one-station fleet did not boot: {string.Join(" | ", fleet.Stderr.Select(l => l.Text))}");
            }

            // Past the first plug-in (spread over one pause, at most 15 s): the station's transaction objects exist.
            await Task.Delay(TimeSpan.FromSeconds(FleetSchedule.PauseMaxSeconds + 5), TimeProvider.System).ConfigureAwait(false);
            return ProcessTree.Measure([fleet.Id]).RssBytes;
        }
        finally
        {
            await fleet.TerminateAsync().ConfigureAwait(false);
            await fleet.WaitForExitAsync(StopTimeout).ConfigureAwait(false);
            await fleet.DisposeAsync().ConfigureAwait(false);
            await csms.TerminateAsync().ConfigureAwait(false);
            await csms.WaitForExitAsync(StartTimeout).ConfigureAwait(false);
            await csms.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<(ChildProcess Csms, ChildProcess Fleet, int ControlPort)> StartPairAsync(
        FleetBenchOptions options, string dataDirectory, int first, int count)
    {
        var csms = ChildProcess.Start(options.StationHost, ["csms", "--port", "0", "--quiet", "--log-level", "Warning"]);
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), StartTimeout).ConfigureAwait(false)
            ?? throw new BenchmarkFailedException($"the csms process exited before listening: {string.Join(" | ", csms.Stderr.Select(l => l.Text))}");
        var url = listening.Text["csms listening on ".Length..].Split(' ')[0];
        var port = FreePort();
        List<string> args =
        [
            "fleet", "--csms-url", url, "--stations", count.ToString(CultureInfo.InvariantCulture), "--first-index", first.ToString(CultureInfo.InvariantCulture),
            "--ramp", options.Ramp.ToString(CultureInfo.InvariantCulture), "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--data-dir", dataDirectory, "--control-port", port.ToString(CultureInfo.InvariantCulture),
            // No --source-address: each process has a Central System port of its own, and ~28,000 ephemeral ports towards it.
            "--log-level", "Warning",
            .. FleetSchedule.FleetArguments,
        ];
        var fleet = ChildProcess.Start(options.StationHost, args);
        await fleet.WaitForLineAsync(l => l.StartsWith("control listening on", StringComparison.Ordinal), StartTimeout).ConfigureAwait(false);
        if (fleet.HasExited)
        {
            throw new BenchmarkFailedException($"the fleet process exited with {fleet.ExitCode}: {string.Join(" | ", fleet.Stdout.Concat(fleet.Stderr).Select(l => l.Text))}");
        }

        return (csms, fleet, port);
    }

    // The time from the start until the last fleet printed "fleet: N/N booted in …".
    private static async Task<TimeSpan?> WaitBootedAsync(IReadOnlyList<ChildProcess> fleets, long started, TimeSpan timeout)
    {
        TimeSpan? last = TimeSpan.Zero;
        foreach (var fleet in fleets)
        {
            try
            {
                var line = await fleet.WaitForLineAsync(l => l.Contains(" booted in ", StringComparison.Ordinal), timeout - Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
                if (line is null)
                {
                    return null;
                }

                var after = Stopwatch.GetElapsedTime(started, line.At);
                last = after > last ? after : last;
            }
            catch (TimeoutException)
            {
                return null;
            }
            catch (ArgumentOutOfRangeException)
            {
                // The timeout is spent already.
                return null;
            }
        }

        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
