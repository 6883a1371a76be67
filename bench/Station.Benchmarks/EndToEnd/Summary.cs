namespace Station.Benchmarks.EndToEnd;

/// <summary>Min, median, mean, p99, p99.9 and max of a set of durations in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Summary(int Count, double Min, double Median, double Mean, double P99, double P999, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new Summary(sorted.Length, sorted[0], Rank(sorted, 0.50), sorted.Average(), Rank(sorted, 0.99), Rank(sorted, 0.999), sorted[^1]);
    }

    // Nearest rank: the smallest value with at least p of the samples at or below it. With fewer
    // than 1000 samples p99.9 is the maximum, with fewer than 100 so is p99.
    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
