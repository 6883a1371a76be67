namespace Station.Runtime;

/// <summary>
/// A timer whose ticks run under the station lock. A tick that was already queued when the timer
/// was changed or stopped is dropped, so a handler never acts on a deadline that no longer exists.
/// </summary>
public sealed class StationTimer : IDisposable
{
    private readonly StationRuntime _runtime;
    private readonly string _name;
    private readonly Func<CancellationToken, Task> _onTick;
    private readonly ITimer _timer;
    private long _generation;

    internal StationTimer(StationRuntime runtime, string name, Func<CancellationToken, Task> onTick)
    {
        _runtime = runtime;
        _name = name;
        _onTick = onTick;
        _timer = runtime.Clock.CreateTimer(static state => ((StationTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether the timer is set.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Fires once after <paramref name="dueTime"/>, then every <paramref name="period"/> if given.</summary>
    public void Start(TimeSpan dueTime, TimeSpan? period = null)
    {
        Interlocked.Increment(ref _generation);
        IsRunning = true;
        _timer.Change(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, period ?? Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancels the timer and any tick already waiting for the lock.</summary>
    public void Stop()
    {
        Interlocked.Increment(ref _generation);
        IsRunning = false;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _timer.Dispose();
    }

    private void Fire()
    {
        var generation = Interlocked.Read(ref _generation);
        _runtime.RunLocked(_name, async cancellationToken =>
        {
            if (Interlocked.Read(ref _generation) == generation)
            {
                await _onTick(cancellationToken).ConfigureAwait(false);
            }
        });
    }
}
