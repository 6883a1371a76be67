namespace Station.Host.Fleet;

/// <summary>
/// One wait of an automatic driver, armed before the action it waits on (so that a status reported
/// at once is not missed) and awaited after it. The driver counts as asleep in
/// <see cref="DriverActivity"/> only while it awaits; whatever ends the wait while it sleeps (the
/// event, the timeout timer, cancellation) wakes it inside its own callback.
/// </summary>
internal sealed class DriverWait(DriverActivity activity)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _sleeping;
    private bool _done;

    public void End()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            if (_sleeping)
            {
                activity.Wake();
            }
        }

        _ended.TrySetResult();
    }

    /// <summary>Waits until <see cref="End"/>, at most <paramref name="timeout"/> of <paramref name="timeProvider"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _sleeping = true;
            activity.Sleep();
        }

        var timer = timeProvider.CreateTimer(_ => End(), null, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            await using (cancellationToken.Register(End).ConfigureAwait(false))
            {
                await _ended.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
