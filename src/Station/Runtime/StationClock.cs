namespace Station.Runtime;

/// <summary>
/// The station's wall clock: the injected time plus the offset learnt from the Central System's
/// <c>currentTime</c> (BootNotification, Heartbeat). Timers and elapsed time come straight from the
/// injected provider, so a clock correction never stretches or shortens an interval.
/// </summary>
public sealed class StationClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the Central System's clock is ahead of the local one.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>The injected time source.</summary>
    public TimeProvider Inner => inner;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    /// <inheritdoc/>
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc/>
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// OCPP 1.6 §4.2: it is recommended to take the Central System's time as the station's. Returns
    /// how far the clock moved. Call through <see cref="StationRuntime.SynchronizeClockAsync(DateTimeOffset, TimeSpan, CancellationToken)"/>,
    /// which corrects what was timed on the old clock.
    /// </summary>
    internal TimeSpan Synchronize(DateTimeOffset centralSystemTime)
    {
        var offset = (centralSystemTime - inner.GetUtcNow()).Ticks;
        return TimeSpan.FromTicks(offset - Interlocked.Exchange(ref _offsetTicks, offset));
    }

    /// <summary>Takes the offset persisted before a restart.</summary>
    internal void Restore(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}
