namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// The system clock with each timer a timer of its own (the station before the multiplexer), counting
/// the timers created and the callbacks they run, so the two schedulers can be compared per station.
/// </summary>
internal sealed class CountingTimeProvider : TimeProvider
{
    private long _created;
    private long _fired;

    public long CreatedTimers => Interlocked.Read(ref _created);

    public long FiredCallbacks => Interlocked.Read(ref _fired);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow();

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _created);
        return System.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);
    }
}
