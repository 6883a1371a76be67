using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace CentralSystem;

/// <summary>
/// The connected session of each charge point id, and the waits for one. A new connection of an
/// id replaces its session and closes the old connection (a station that lost its link often
/// reconnects before the server notices the old one is dead).
/// </summary>
internal sealed class StationRegistry(ILogger logger, CentralSystemServer server)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StationSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<StationWaiter> _waiters = [];
    private readonly List<Task> _closingReplaced = [];
    private bool _closed;

    public IReadOnlyCollection<StationSession> Snapshot()
    {
        lock (_lock)
        {
            return [.. _sessions.Values];
        }
    }

    public bool TryGet(string chargePointId, [NotNullWhen(true)] out StationSession? session)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(chargePointId, out session);
        }
    }

    /// <summary>Registers a new session; false when the server is stopping and takes no more.</summary>
    public bool Add(StationSession session)
    {
        StationSession? replaced;
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _sessions.TryGetValue(session.ChargePointId, out replaced);
            _sessions[session.ChargePointId] = session;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Offer(session))
                {
                    _waiters.RemoveAt(i);
                }
            }
        }

        CentralSystemLog.StationConnected(logger, session.ChargePointId, session.RemoteAddress);
        server.OnStationEvent(session, connected: true);
        if (replaced is not null)
        {
            CentralSystemLog.StationReplaced(logger, session.ChargePointId);
            var closing = replaced.CloseWithReasonAsync("replaced by a new connection of the same charge point", CancellationToken.None);
            lock (_lock)
            {
                _closingReplaced.RemoveAll(task => task.IsCompleted);
                _closingReplaced.Add(closing);
            }
        }

        return true;
    }

    public void Remove(StationSession session)
    {
        lock (_lock)
        {
            // A replaced session ends after its successor took its place: that one stays.
            if (_sessions.TryGetValue(session.ChargePointId, out var current) && current == session)
            {
                _sessions.Remove(session.ChargePointId);
            }
        }

        CentralSystemLog.StationDisconnected(logger, session.ChargePointId, session.LastSequence);
        server.OnStationEvent(session, connected: false);
    }

    public Task<StationSession> WaitAsync(string chargePointId, Func<StationSession, bool>? predicate, CancellationToken cancellationToken)
    {
        var waiter = new StationWaiter(chargePointId, predicate);
        lock (_lock)
        {
            if (_sessions.TryGetValue(chargePointId, out var session) && session.IsConnected && waiter.Offer(session))
            {
                return waiter.Task;
            }

            if (_closed)
            {
                return Task.FromException<StationSession>(new ObjectDisposedException(nameof(CentralSystemServer), "the Central System has stopped"));
            }

            _waiters.Add(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                waiter.CancelWith(
                    () =>
                    {
                        lock (_lock)
                        {
                            _waiters.Remove(waiter);
                        }
                    },
                    cancellationToken);
            }
        }

        return waiter.Task;
    }

    /// <summary>Stops taking sessions, closes every open one and waits for the replaced ones still closing.</summary>
    public async Task CloseAllAsync()
    {
        StationSession[] sessions;
        Task[] closingReplaced;
        lock (_lock)
        {
            _closed = true;
            sessions = [.. _sessions.Values];
            closingReplaced = [.. _closingReplaced];
            foreach (var waiter in _waiters)
            {
                waiter.Fail(new ObjectDisposedException(nameof(CentralSystemServer), "the Central System stopped before the station connected"));
            }

            _waiters.Clear();
        }

        var closing = sessions.Select(session => session.CloseWithReasonAsync("the Central System is stopping", CancellationToken.None));
        await Task.WhenAll(closing.Concat(closingReplaced)).ConfigureAwait(false);
    }

    private sealed class StationWaiter(string chargePointId, Func<StationSession, bool>? predicate)
    {
        private readonly TaskCompletionSource<StationSession> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _registration;

        public Task<StationSession> Task => _completion.Task;

        public bool Offer(StationSession session)
        {
            if (!string.Equals(session.ChargePointId, chargePointId, StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                if (predicate is not null && !predicate(session))
                {
                    return false;
                }
            }
            catch (Exception ex)
            {
                Fail(ex);
                return true;
            }

            _completion.TrySetResult(session);
            _registration.Unregister();
            return true;
        }

        public void CancelWith(Action remove, CancellationToken cancellationToken) =>
            _registration = cancellationToken.Register(() =>
            {
                remove();
                _completion.TrySetCanceled(cancellationToken);
            });

        public void Fail(Exception exception)
        {
            _completion.TrySetException(exception);
            _registration.Unregister();

            // Observed here: a wait its caller already gave up on must not surface as unobserved.
            _ = _completion.Task.Exception;
        }
    }
}
