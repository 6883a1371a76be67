using BenchmarkDotNet.Running;
using Station.Benchmarks.Chaos;
using Station.Benchmarks.EndToEnd;
using Station.Benchmarks.Fleet;

namespace Station.Benchmarks;

/// <summary>
/// <c>latency</c> and <c>memory</c> run the end-to-end measurements; anything else goes to
/// BenchmarkDotNet's switcher (<c>--filter '*'</c>, <c>--list flat</c>, <c>--job short</c>, ...).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "latency":
                    return await LatencyCommand.RunAsync(LatencyOptions.Parse(args[1..]));
                case "memory":
                    return await MemoryCommand.RunAsync(MemoryOptions.Parse(args[1..]));
                case "chaos":
                    return await ChaosCommand.RunAsync(ChaosOptions.Parse(args[1..]));
                case "fleet":
                    return await FleetBenchCommand.RunAsync(FleetBenchOptions.Parse(args[1..]));
                case "drain":
                    return await Offline.DrainCommand.RunAsync(args[1..]);
                case null or "help" or "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    // A benchmark whose self-check failed in its setup has no result: the exit code says so.
                    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
            }
        }
        catch (UsageException ex)
        {
            // One line: the usage is a --help away.
            Console.Error.WriteLine($"error: {ex.Message} (see --help)");
            return 2;
        }
    }

    private const string Usage = """
        usage: dotnet run -c Release --project bench/Station.Benchmarks -- <command>

          latency [--runs N] [--warmup N] [--data-dir DIR] [--durability power-loss-safe|process-crash-safe]
                  [--csms in-process|process] [--station-host DLL] [--station-log-level LEVEL] [--station-env NAME=VALUE]...
                  end-to-end response times over loopback WebSockets (default 1000 runs); --csms process runs the
                  csms and the station (run, Release build) as processes and drives the csms over its HTTP API
          memory  [--stations N] [--data-dir DIR] [--scheduler multiplexed|system] [--idle-seconds S]
                  N idle connected stations in one process: memory and threads per station (default 1000);
                  timers, timer callbacks, CPU and allocations per idle station over S seconds (default 30)
          chaos   [--kills N] [--seed N] [--data-dir DIR] [--station-host PATH] [--record FILE]
                  kill -9 of the station process N times (default 1000) at random times, around each
                  commit and between send and answer, against the csms process; checks the Central
                  System's record (needs the built ocpp-station.dll: the project builds it); --record
                  writes that record (the csms --json lines)
          fleet   [--stations N] [--duration S] [--warmup S] [--per-process N] [--ramp R] [--boot-timeout S] [--seed N]
                  [--data-dir DIR] [--station-host DLL]
                  issue 13's fleet benchmark: N stations (default 1000) on its schedule (2 connectors, ATG 30-60 s / 5-15 s,
                  MeterValues every 10 s, Heartbeat 60 s) against the built-in Central System, in processes of
                  --per-process stations (default 15000) each with a csms process of its own; after every station booted and
                  --warmup (30 s), measures S s (default 120): boot time, messages/s, per-station rate against the
                  schedule's, response p50/p99, reconnects, errors, RSS (peak, steady, per station), CPU
          drain   [--hours N] [--sample-interval S]
                  a station charging offline N hours (default 168) in virtual time, a transaction an hour with
                  MeterValues every S s (default 10), then the queue delivered to the built-in Central System:
                  messages per second from reconnect to drained
          --filter '*' [BenchmarkDotNet options]
                  codec, RPC and connection micro-benchmarks (FrameDecode, FrameEncode, RpcRoundTrip, Connect per security profile); try --list flat, --job short
        """;
}
