using BenchmarkDotNet.Running;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks;

/// <summary>
/// <c>latency</c> runs the end-to-end measurement; anything else goes to
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
                case "help" or "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return 0;
            }
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private const string Usage = """
        usage: dotnet run -c Release --project bench/Station.Benchmarks -- <command>

          latency [--runs N] [--warmup N] [--data-dir DIR]
                  end-to-end response times over loopback WebSockets (default 1000 runs)
          --filter '*' [BenchmarkDotNet options]
                  codec and RPC micro-benchmarks (FrameDecode, FrameEncode, RpcRoundTrip); try --list flat, --job short
        """;
}
