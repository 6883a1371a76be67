using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CentralSystem.Api;

/// <summary>
/// The <see cref="StationState"/> of every charge point id seen since the server started, and a
/// number for each session so that a page can tell one session's frame 3 from the next one's.
/// </summary>
internal sealed class StationTracker
{
    private readonly ConcurrentDictionary<string, StationState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<StationSession, long> _sessionNumbers = new();
    private long _lastSessionNumber;

    /// <summary>The states of the ids whose newest session is connected, by id.</summary>
    public IReadOnlyList<StationState> Connected =>
        [.. _states.Values.Where(state => state.IsConnected).OrderBy(state => state.ChargePointId, StringComparer.Ordinal)];

    /// <summary>Called before the session's first frame.</summary>
    public StationState OnConnected(StationSession session)
    {
        _sessionNumbers[session] = Interlocked.Increment(ref _lastSessionNumber);
        var state = _states.GetOrAdd(session.ChargePointId, id => new StationState(id));
        state.Connected(session);
        return state;
    }

    /// <summary>Called after the session's last frame; the state when the station is now disconnected, null when a newer session took over.</summary>
    public StationState? OnDisconnected(StationSession session)
    {
        _sessionNumbers.TryRemove(session, out _);
        return _states.TryGetValue(session.ChargePointId, out var state) && state.Disconnected(session) ? state : null;
    }

    public bool TryGet(string chargePointId, [NotNullWhen(true)] out StationState? state) => _states.TryGetValue(chargePointId, out state);

    /// <summary>The number the server gave the session when it connected (1, 2, …), 0 when it is unknown.</summary>
    public long SessionNumber(StationSession session) => _sessionNumbers.GetValueOrDefault(session);
}
