using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Chaos;

/// <summary>Options of <c>chaos</c>.</summary>
internal sealed record ChaosOptions(int Kills, int Seed, string? DataDirectory, string StationHost, string? RecordFile)
{
    public static ChaosOptions Parse(string[] args)
    {
        var arguments = new Arguments(args, "--kills", "--seed", "--data-dir", "--station-host", "--record");
        var host = arguments.Text("--station-host") ?? DefaultStationHost();
        if (!File.Exists(host))
        {
            throw new UsageException($"--station-host '{host}' does not exist; build it first (dotnet build -c Release src/Station.Host) or name the ocpp-station.dll to run");
        }

        return new ChaosOptions(
            arguments.Int("--kills", 1000, 1, 100_000),
            arguments.Int("--seed", Random.Shared.Next(1, 1_000_000), 0, int.MaxValue),
            arguments.Text("--data-dir"),
            Path.GetFullPath(host),
            arguments.Text("--record"));
    }

    // The host built next to this benchmark (the project references it, so it is built with the same configuration).
    public static string DefaultStationHost()
    {
        var configuration = Machine.Build.StartsWith("Release", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OcppStation.slnx")))
            {
                return Path.Combine(directory.FullName, "src", "Station.Host", "bin", configuration, "net10.0", "ocpp-station.dll");
            }
        }

        return "ocpp-station.dll";
    }
}
