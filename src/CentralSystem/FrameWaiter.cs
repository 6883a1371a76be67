namespace CentralSystem;

/// <summary>One wait on a session's record: completes with the first frame its predicate accepts.</summary>
internal sealed class FrameWaiter(Func<RecordedFrame, bool> predicate)
{
    private readonly TaskCompletionSource<RecordedFrame> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;

    public Task<RecordedFrame> Task => _completion.Task;

    /// <summary>Completes the wait when <paramref name="frame"/> matches; true when the wait is over.</summary>
    public bool Offer(RecordedFrame frame)
    {
        bool matches;
        try
        {
            matches = predicate(frame);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return true;
        }

        if (matches)
        {
            _completion.TrySetResult(frame);

            // Unregister, not Dispose: Dispose would wait for a running callback, which needs the
            // recorder's lock that the caller holds.
            _registration.Unregister();
        }

        return matches;
    }

    public void CancelWith(Action remove, CancellationToken cancellationToken)
    {
        _registration = cancellationToken.Register(() =>
        {
            remove();
            _completion.TrySetCanceled(cancellationToken);
        });
        if (_completion.Task.IsCompleted)
        {
            _registration.Unregister();
        }
    }

    public void Fail(Exception exception)
    {
        _completion.TrySetException(exception);
        _registration.Unregister();

        // A test whose own timeout gave up on this wait never awaits it; reading the exception
        // keeps the failure from surfacing later as an unobserved task exception.
        _ = _completion.Task.Exception;
    }
}
