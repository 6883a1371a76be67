namespace Station.Benchmarks.EndToEnd;

/// <summary>Min, median, p99, max and mean of a set of durations in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Summary(int Count, double Min, double Median, double Mean, double P99, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new Summary(sorted.Length, sorted[0], Rank(sorted, 0.50), sorted.Average(), Rank(sorted, 0.99), sorted[^1]);
    }

    // Nearest rank: the smallest value with at least p of the samples at or below it.
    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
