namespace Station.Runtime;

/// <summary>
/// How a file transfer the Central System asked for is retried: the <c>retries</c> and
/// <c>retryInterval</c> of UpdateFirmware, SignedUpdateFirmware, GetDiagnostics and GetLog. One
/// place for their defaults, their clamping and the attempt loop, so firmware and diagnostics
/// cannot drift apart.
/// </summary>
/// <param name="Retries">Further attempts after the first fails.</param>
/// <param name="Interval">The wait between attempts, on the station's clock.</param>
public sealed record RetryPlan(int Retries, TimeSpan Interval)
{
    /// <summary>Retries when the request gives none.</summary>
    public const int DefaultRetries = 3;

    /// <summary>The most retries taken from a request; more are clamped (a typo must not retry for days).</summary>
    public const int MaxRetries = 100;

    /// <summary>The wait between attempts when the request gives none (or one that is not positive).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);

    /// <summary>The plan a request's optional <c>retries</c> and <c>retryInterval</c> (seconds) give.</summary>
    public static RetryPlan From(int? retries, int? intervalSeconds) => new(
        Math.Clamp(retries ?? DefaultRetries, 0, MaxRetries),
        intervalSeconds is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultInterval);

    /// <summary>
    /// Runs <paramref name="attempt"/> (null: it succeeded, else why it failed) until it succeeds or
    /// the retries are used up, waiting <see cref="Interval"/> on <paramref name="clock"/> between
    /// attempts; <paramref name="retrying"/> hears of each failure that is followed by a retry.
    /// </summary>
    /// <returns>The attempts made and the last failure, null when the last attempt succeeded.</returns>
    public async Task<RetryOutcome> RunAsync(
        Func<CancellationToken, Task<string?>> attempt, Action<int, string> retrying, TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var made = 1; ; made++)
        {
            if (await attempt(cancellationToken).ConfigureAwait(false) is not { } failure)
            {
                return new RetryOutcome(made, null);
            }

            if (made > Retries)
            {
                return new RetryOutcome(made, failure);
            }

            retrying(made, failure);
            await Task.Delay(Interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
