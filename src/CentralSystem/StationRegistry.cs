using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace CentralSystem;

/// <summary>
/// The connected session of each charge point id, and the waits for one. A new connection of an
/// id replaces its session and closes the old connection (a station that lost its link often
/// reconnects before the server notices the old one is dead).
/// </summary>
internal sealed class StationRegistry
{
    private readonly ILogger _logger;
    private readonly CentralSystemServer _server;
    private readonly Lock _lock = new();
    private readonly WaitList<StationSession> _waiters;
    private readonly Dictionary<string, StationSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<Task> _closingReplaced = [];
    private bool _closed;

    public StationRegistry(ILogger logger, CentralSystemServer server)
    {
        _logger = logger;
        _server = server;
        _waiters = new(_lock);
    }

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
            _waiters.Offer(session);
        }

        CentralSystemLog.StationConnected(_logger, session.ChargePointId, session.RemoteAddress);
        _server.OnStationEvent(session, connected: true);
        if (replaced is not null)
        {
            CentralSystemLog.StationReplaced(_logger, session.ChargePointId);
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

        CentralSystemLog.StationDisconnected(_logger, session.ChargePointId, session.LastSequence);
        _server.OnStationEvent(session, connected: false);
    }

    public Task<StationSession> WaitAsync(string chargePointId, Func<StationSession, bool>? predicate, CancellationToken cancellationToken)
    {
        bool Matches(StationSession session) =>
            string.Equals(session.ChargePointId, chargePointId, StringComparison.Ordinal) && (predicate is null || predicate(session));

        lock (_lock)
        {
            if (_sessions.TryGetValue(chargePointId, out var session) && session.IsConnected
                && WaitList<StationSession>.Settle(Matches, session) is { } settled)
            {
                return settled;
            }

            if (_closed)
            {
                return Task.FromException<StationSession>(new ObjectDisposedException(nameof(CentralSystemServer), "the Central System has stopped"));
            }

            return _waiters.Add(Matches, cancellationToken);
        }
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
            _waiters.FailAll(() => new ObjectDisposedException(nameof(CentralSystemServer), "the Central System stopped before the station connected"));
        }

        var closing = sessions.Select(session => session.CloseWithReasonAsync("the Central System is stopping", CancellationToken.None));
        await Task.WhenAll(closing.Concat(closingReplaced)).ConfigureAwait(false);
    }
}
