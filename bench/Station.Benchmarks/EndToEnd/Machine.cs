using System.Runtime;
using System.Runtime.InteropServices;

namespace Station.Benchmarks.EndToEnd;

/// <summary>The conditions of a run, printed above its figures.</summary>
internal static class Machine
{
    public static string Build =>
#if DEBUG
        "Debug (figures not representative: run with -c Release)";
#else
        "Release";
#endif

    public static void Print(TextWriter output, DataDirectory data, string durability)
    {
        output.WriteLine(
            $"machine: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, " +
            $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
        output.WriteLine($"build: {Build}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : string.Empty)}");
        output.WriteLine($"load average (1/5/15 min) at start: {LoadAverage()} (other work on this machine shows in the tails)");
        output.WriteLine($"SQLite files: {data.Path} on {data.FileSystem}; {durability}: {Synchronous(durability)}");
    }

    public static string Synchronous(string durability) => durability == LatencyOptions.ProcessCrashSafe
        ? "WAL, synchronous=NORMAL (no fsync per commit; survives kill -9, not a power cut)"
        : "WAL, synchronous=FULL (every commit fsyncs)";

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
