namespace Station.Benchmarks.EndToEnd;

/// <summary>Options of the latency command.</summary>
public sealed record LatencyOptions(int Runs, int Warmup, string? DataDirectory)
{
    public static LatencyOptions Parse(string[] args)
    {
        var arguments = new Arguments(args, "--runs", "--warmup", "--data-dir");
        var runs = arguments.Int("--runs", 1000, 1, 1_000_000);
        return new LatencyOptions(runs, arguments.Int("--warmup", Math.Min(100, runs), 0, 1_000_000), arguments.Text("--data-dir"));
    }
}
