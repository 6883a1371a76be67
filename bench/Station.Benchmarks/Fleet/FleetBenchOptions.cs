using Station.Benchmarks.Chaos;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Fleet;

/// <summary>Options of <c>fleet</c>.</summary>
internal sealed record FleetBenchOptions(
    int Stations, int PerProcess, int SteadySeconds, int WarmupSeconds, int BootTimeoutSeconds, int Ramp, int Seed, string? DataDirectory, string StationHost)
{
    /// <summary>Stations per process when not given: what the open-file limit of this machine (20,000) holds with room to spare.</summary>
    public const int DefaultPerProcess = 15_000;

    /// <summary>How many fleet processes (and Central System processes, one each: a process holds at most ~20,000 sockets).</summary>
    public int Processes => (Stations + PerProcess - 1) / PerProcess;

    public static FleetBenchOptions Parse(string[] args)
    {
        var arguments = new Arguments(
            args, "--stations", "--per-process", "--duration", "--warmup", "--boot-timeout", "--ramp", "--seed", "--data-dir", "--station-host");
        var host = arguments.Text("--station-host") ?? ChaosOptions.DefaultStationHost();
        if (!File.Exists(host))
        {
            throw new UsageException($"--station-host '{host}' does not exist; build it first (dotnet build -c Release src/Station.Host) or name the ocpp-station.dll to run");
        }

        return new FleetBenchOptions(
            arguments.Int("--stations", 1000, 1, 200_000),
            arguments.Int("--per-process", DefaultPerProcess, 1, 20_000),
            arguments.Int("--duration", 120, 10, 86_400),
            arguments.Int("--warmup", 30, 0, 3600),
            arguments.Int("--boot-timeout", 300, 10, 3600),
            arguments.Int("--ramp", 500, 1, 100_000),
            arguments.Int("--seed", Random.Shared.Next(1, 1_000_000), 0, int.MaxValue),
            arguments.Text("--data-dir"),
            Path.GetFullPath(host));
    }
}
