namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Options of the latency command. <see cref="Csms"/> <c>in-process</c> (the default) runs the
/// built-in Central System and the station in this process; <c>process</c> runs each as its own
/// <c>ocpp-station</c> process (<c>csms</c> and <c>run</c>, the Release build or <see cref="StationHost"/>)
/// and drives the Central System over its HTTP API; the <c>--station-*</c> options apply to that mode,
/// <c>--durability</c> to both.
/// </summary>
public sealed record LatencyOptions(int Runs, int Warmup, string? DataDirectory)
{
    public const string InProcess = "in-process";
    public const string Processes = "process";

    /// <summary>Where the Central System runs: <see cref="InProcess"/> or <see cref="Processes"/>.</summary>
    public string Csms { get; init; } = InProcess;

    /// <summary>The <c>ocpp-station.dll</c> to run; null: the Release build of src/Station.Host in this repository.</summary>
    public string? StationHost { get; init; }

    /// <summary>The station database's durability, as <c>run --durability</c> names it (both modes).</summary>
    public string Durability { get; init; } = PowerLossSafe;

    public const string PowerLossSafe = "power-loss-safe";
    public const string ProcessCrashSafe = "process-crash-safe";

    /// <summary><see cref="Durability"/> for the in-process station's storage.</summary>
    public Storage.Sqlite.Durability StorageDurability =>
        Durability == ProcessCrashSafe ? Storage.Sqlite.Durability.ProcessCrashSafe : Storage.Sqlite.Durability.PowerLossSafe;

    /// <summary>Passed to <c>run --log-level</c>; null: its default (Information).</summary>
    public string? StationLogLevel { get; init; }

    /// <summary>NAME=VALUE environment variables of the station process only (DOTNET_gcServer=1, DOTNET_TieredPGO=0, ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StationEnvironment { get; init; } = [];

    public static LatencyOptions Parse(string[] args)
    {
        var arguments = new Arguments(args, "--runs", "--warmup", "--data-dir", "--csms", "--station-host", "--durability", "--station-log-level", "--station-env");
        var runs = arguments.Int("--runs", 1000, 1, 1_000_000);
        var options = new LatencyOptions(runs, arguments.Int("--warmup", Math.Min(100, runs), 0, 1_000_000), arguments.Text("--data-dir"))
        {
            Csms = arguments.Choice("--csms", InProcess, Processes),
            StationHost = arguments.Text("--station-host"),
            Durability = arguments.Choice("--durability", PowerLossSafe, ProcessCrashSafe),
            StationLogLevel = arguments.Text("--station-log-level"),
            StationEnvironment = [.. arguments.Texts("--station-env").Select(Variable)],
        };
        if (options.Csms == InProcess && ((options.StationHost ?? options.StationLogLevel) is not null || options.StationEnvironment.Count > 0))
        {
            throw new UsageException("--station-host, --station-log-level and --station-env need --csms process (the in-process station is built by the benchmark)");
        }

        return options;
    }

    private static KeyValuePair<string, string> Variable(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new(text[..equals], text[(equals + 1)..])
            : throw new UsageException($"--station-env '{text}' must be NAME=VALUE");
    }
}
