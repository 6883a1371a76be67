namespace CentralSystem;

/// <summary>
/// Waits for the first item a predicate accepts, as items arrive: the frames of a session's record
/// and the sessions of the registry. Every member but the cancellation callback runs under the
/// owner's lock, which the list takes on cancellation so a wait never ends half-removed.
/// </summary>
internal sealed class WaitList<T>(Lock ownerLock)
    where T : class
{
    private readonly List<Waiter> _waiters = [];

    /// <summary>
    /// Whether <paramref name="item"/>, already at hand, satisfies <paramref name="predicate"/>:
    /// a task with the item, with the predicate's exception, or null to wait with <see cref="Add"/>.
    /// </summary>
    public static Task<T>? Settle(Func<T, bool> predicate, T item)
    {
        try
        {
            return predicate(item) ? Task.FromResult(item) : null;
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>Waits for an item still to come. The caller holds the owner's lock.</summary>
    public Task<T> Add(Func<T, bool> predicate, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(predicate);
        _waiters.Add(waiter);

        // Registered under the lock (re-entrant, for an already cancelled token) so that an
        // arriving item never reads the registration half-written.
        if (cancellationToken.CanBeCanceled)
        {
            waiter.CancelWith(
                () =>
                {
                    lock (ownerLock)
                    {
                        _waiters.Remove(waiter);
                    }
                },
                cancellationToken);
        }

        return waiter.Task;
    }

    /// <summary>Completes the waits that <paramref name="item"/> satisfies. The caller holds the owner's lock.</summary>
    public void Offer(T item)
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Offer(item))
            {
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>Fails every wait: no item can come any more. The caller holds the owner's lock.</summary>
    public void FailAll(Func<Exception> exception)
    {
        foreach (var waiter in _waiters)
        {
            waiter.Fail(exception());
        }

        _waiters.Clear();
    }

    private sealed class Waiter(Func<T, bool> predicate)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _registration;

        public Task<T> Task => _completion.Task;

        /// <summary>Completes the wait when <paramref name="item"/> matches; true when the wait is over.</summary>
        public bool Offer(T item)
        {
            bool matches;
            try
            {
                matches = predicate(item);
            }
            catch (Exception ex)
            {
                Fail(ex);
                return true;
            }

            if (matches)
            {
                _completion.TrySetResult(item);

                // Unregister, not Dispose: Dispose would wait for a running callback, which needs
                // the owner's lock that the caller holds.
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

            // A caller whose own timeout gave up on this wait never awaits it; reading the
            // exception keeps the failure from surfacing later as an unobserved task exception.
            _ = _completion.Task.Exception;
        }
    }
}
