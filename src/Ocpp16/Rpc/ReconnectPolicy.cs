namespace Ocpp16.Rpc;

/// <summary>
/// How long to wait before each re-dial: exponential back-off, capped, with random jitter so that
/// thousands of stations do not reconnect in step when a Central System restarts.
/// </summary>
public sealed record ReconnectPolicy
{
    /// <summary>The wait before the first re-dial.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The growth factor of the wait after each failed attempt.</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>
    /// The share of each wait that is random: 0.5 means a wait of d becomes a value in [d/2, d].
    /// </summary>
    public double Jitter { get; init; } = 0.5;

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 is the first re-dial).</summary>
    /// <param name="attempt">The number of the attempt about to be made, from 1.</param>
    /// <param name="random">A value in [0, 1) that picks the jitter.</param>
    public TimeSpan DelayBefore(int attempt, double random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var bounded = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(bounded * (1 - (Jitter * random)));
    }

    /// <summary>Validates the policy once, at start-up.</summary>
    public ReconnectPolicy Validate()
    {
        if (InitialDelay <= TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDelay), "the initial delay must be positive and no larger than the maximum delay");
        }

        // Written so that NaN fails too: it would make every delay NaN, which TimeSpan refuses.
        if (Multiplier is not >= 1 || Jitter is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Multiplier), "the multiplier must be at least 1 and the jitter between 0 and 1");
        }

        return this;
    }
}
