namespace Station.Benchmarks.EndToEnd;

/// <summary>Options of the memory command.</summary>
public sealed record MemoryOptions(int Stations, string? DataDirectory)
{
    public static MemoryOptions Parse(string[] args)
    {
        var arguments = new Arguments(args, "--stations", "--data-dir");
        return new MemoryOptions(arguments.Int("--stations", 1000, 1, 100_000), arguments.Text("--data-dir"));
    }
}
