using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Chaos;

/// <summary>
/// <c>chaos</c>: a thousand power losses. The station (<c>ocpp-station run</c>) and the built-in
/// Central System (<c>ocpp-station csms --json</c>) run as separate processes; charging sessions
/// are played through the station's control API while the station is killed with SIGKILL at
/// random times, around each transaction store commit (the OCPP_STATION_KILL_AT hook) and between
/// a transaction message reaching the Central System and its answer being read, and restarted
/// each time on the same data directory. Every figure comes from the Central System's record.
/// </summary>
internal static class ChaosCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(ChaosOptions options)
    {
        using var data = new DataDirectory(options.DataDirectory);
        Console.WriteLine($"chaos: {options.Kills} kill -9 of the station process against the Central System process; seed {options.Seed}");
        Machine.Print(Console.Out, data, LatencyOptions.PowerLossSafe);
        Console.WriteLine($"station: {options.StationHost} run, MeterValueSampleInterval 1 s, ClockAlignedDataInterval 2 s; one data directory for every process");
        var config = Path.Combine(data.Path, "chaos-station.json");
        await File.WriteAllTextAsync(config, """{"configuration":{"MeterValueSampleInterval":{"value":"1","min":1},"ClockAlignedDataInterval":{"value":"2"}}}""");

        var record = new CsmsRecord();
        await using var csms = ChildProcess.Start(options.StationHost, ["csms", "--port", "0", "--json", "--log-level", "Warning"]);
        record.Attach(csms);
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), StartTimeout)
            ?? throw new BenchmarkFailedException("the csms process exited before listening");
        var url = listening.Text["csms listening on ".Length..].Split(' ')[0];

        var run = new ChaosRun(options, record, url, Path.Combine(data.Path, "station"), config);
        var wall = Stopwatch.StartNew();
        try
        {
            for (var number = 1; number <= options.Kills; number++)
            {
                await run.KillOnceAsync(number);
                if (number % 50 == 0 || number == options.Kills)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {number}/{options.Kills} kills, {wall.Elapsed.TotalMinutes:0.0} min, {record.Count} frames, " +
                        $"{run.Sessions.Count} sessions"));
                }
            }

            var final = await run.DrainAsync(options.Kills + 1);
            await csms.TerminateAsync();
            await csms.WaitForExitAsync(StartTimeout);
            if (options.RecordFile is { } file)
            {
                // The Central System's record as it printed it, for a second look at a failure.
                await File.WriteAllLinesAsync(file, csms.Stdout.Select(l => l.Text));
            }
            var verdict = ChaosVerdict.Of(TransactionLedger.From(record.Frames), run.Sessions);
            ChaosReport.Print(Console.Out, wall.Elapsed, run, final, verdict, record);
            return verdict.Passed(final.Queued, final.DeadLetters) && record.Unreadable == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is BenchmarkFailedException or TimeoutException)
        {
            Console.Error.WriteLine($"error: the chaos run failed, its figures mean nothing: {ex.Message}");
            return 1;
        }
    }

    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    internal static async Task<JsonElement> StateAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/state", UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    internal static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
