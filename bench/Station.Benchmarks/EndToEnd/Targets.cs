namespace Station.Benchmarks.EndToEnd;

/// <summary>The targets: two orders of magnitude below the lab (PRODUCT.md).</summary>
internal static class Targets
{
    public const double MedianMs = 5;
    public const double P99Ms = 20;
}
