namespace Station.Benchmarks.EndToEnd;

/// <summary>Every wait of a benchmark is bounded in real time: a stuck station fails the run with a reason.</summary>
internal static class Waits
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Bounded<T>(this Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Timeout, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkFailedException($"timed out after {Timeout.TotalSeconds} s waiting for {what}");
        }
    }

    public static async Task Bounded(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Timeout, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkFailedException($"timed out after {Timeout.TotalSeconds} s waiting for {what}");
        }
    }
}
