namespace Station.Host.Demo;

/// <summary>Minimum, mean and maximum of a set of round trips.</summary>
/// <param name="Count">How many.</param>
/// <param name="Min">The shortest.</param>
/// <param name="Mean">The average.</param>
/// <param name="Max">The longest.</param>
public sealed record RoundTripStats(int Count, TimeSpan Min, TimeSpan Mean, TimeSpan Max)
{
    /// <summary>The statistics of <paramref name="roundTrips"/>; all zero when there are none.</summary>
    public static RoundTripStats Of(IReadOnlyCollection<TimeSpan> roundTrips) =>
        roundTrips.Count == 0
            ? new RoundTripStats(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)
            : new RoundTripStats(roundTrips.Count, roundTrips.Min(), TimeSpan.FromTicks((long)roundTrips.Average(t => t.Ticks)), roundTrips.Max());
}
