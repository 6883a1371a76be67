namespace Station.Benchmarks.EndToEnd;

/// <summary>Options of the memory command.</summary>
/// <param name="Stations">How many idle stations.</param>
/// <param name="DataDirectory">Where their SQLite files go (default: a temporary directory).</param>
/// <param name="Scheduler">
/// <c>multiplexed</c>: every station's timers are entries of one <c>TimerMultiplexer</c> (what <c>run</c>
/// uses); <c>system</c>: each timer is a timer of the system clock, as before the multiplexer.
/// </param>
/// <param name="IdleSeconds">How long the idle, connected stations are watched for CPU, allocations and timer callbacks.</param>
public sealed record MemoryOptions(int Stations, string? DataDirectory, string Scheduler, int IdleSeconds)
{
    public const string Multiplexed = "multiplexed";
    public const string SystemTimers = "system";

    public static MemoryOptions Parse(string[] args)
    {
        var arguments = new Arguments(args, "--stations", "--data-dir", "--scheduler", "--idle-seconds");
        var scheduler = arguments.Text("--scheduler") ?? Multiplexed;
        if (scheduler is not (Multiplexed or SystemTimers))
        {
            throw new UsageException($"--scheduler '{scheduler}' is not {Multiplexed} or {SystemTimers}");
        }

        return new MemoryOptions(
            arguments.Int("--stations", 1000, 1, 100_000), arguments.Text("--data-dir"), scheduler, arguments.Int("--idle-seconds", 30, 0, 3600));
    }
}
