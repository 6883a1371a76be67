namespace Station.Host.Fleet;

/// <summary>
/// A lock-free histogram of response times in logarithmic buckets (8 per doubling, from 1 µs to
/// about 70 s), so that thousands of stations record into one without contention and p50/p99 are
/// read at any time within about 9 %.
/// </summary>
internal sealed class ResponseTimes
{
    private const int BucketsPerDoubling = 8;
    private const int Buckets = 26 * BucketsPerDoubling;

    private readonly long[] _counts = new long[Buckets];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Max(1.0, elapsed.TotalMicroseconds);
        var bucket = Math.Clamp((int)(Math.Log2(micros) * BucketsPerDoubling), 0, Buckets - 1);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
    }

    /// <summary>The <paramref name="quantile"/> (0..1) in milliseconds, the upper edge of its bucket; 0 with nothing recorded.</summary>
    public double PercentileMs(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Pow(2, (i + 1) / (double)BucketsPerDoubling) / 1000.0;
            }
        }

        return Math.Pow(2, Buckets / (double)BucketsPerDoubling) / 1000.0;
    }

    /// <summary>The counts per bucket with each bucket's upper edge in milliseconds (the report's distribution).</summary>
    public IReadOnlyList<(double UpperMs, long Count)> Distribution() =>
        [.. Enumerable.Range(0, Buckets).Select(i => (Math.Pow(2, (i + 1) / (double)BucketsPerDoubling) / 1000.0, Interlocked.Read(ref _counts[i]))).Where(b => b.Item2 > 0)];
}
