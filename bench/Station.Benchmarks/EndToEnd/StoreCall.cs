using System.Diagnostics;

namespace Station.Benchmarks.EndToEnd;

/// <summary>One call of the transaction store: the method and its <see cref="Stopwatch"/> start and end.</summary>
internal sealed record StoreCall(string Method, long Start, long End)
{
    public double Milliseconds => Stopwatch.GetElapsedTime(Start, End).TotalMilliseconds;
}
