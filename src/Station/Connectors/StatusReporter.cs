using Ocpp16.Messages;
using Station.Configuration;
using Station.Connection;
using Station.Runtime;

namespace Station.Connectors;

/// <summary>
/// Sends a StatusNotification when a connector's derived status changes, holding back statuses
/// that last less than <c>MinimumStatusDuration</c> (C-05). Reports asked for explicitly (after
/// a reconnect, by TriggerMessage) are never held back (pitfall 8).
/// </summary>
internal sealed class StatusReporter
{
    private readonly OutgoingMessages _outgoing;
    private readonly IStationConfiguration _configuration;
    private readonly StationClock _clock;
    private readonly StatusSnapshot?[] _reported;
    private readonly StatusSnapshot?[] _pending;
    private readonly DateTimeOffset[] _pendingSince;
    private readonly StationTimer[] _timers;
    private readonly Func<int, StatusSnapshot> _evaluate;

    public StatusReporter(int connectorCount, Func<int, StatusSnapshot> evaluate, OutgoingMessages outgoing, IStationConfiguration configuration, StationRuntime runtime)
    {
        _evaluate = evaluate;
        _outgoing = outgoing;
        _configuration = configuration;
        _clock = runtime.Clock;
        _reported = new StatusSnapshot?[connectorCount + 1];
        _pending = new StatusSnapshot?[connectorCount + 1];
        _pendingSince = new DateTimeOffset[connectorCount + 1];
        _timers = [.. Enumerable.Range(0, connectorCount + 1).Select(id => runtime.CreateTimer($"status of connector {id}", () => Settle(id)))];
    }

    /// <summary>Raised with every status that is reported.</summary>
    public event Action<int, StatusSnapshot>? Reported;

    /// <summary>The status last reported for a connector.</summary>
    public StatusSnapshot? LastReported(int connectorId) => _reported[connectorId];

    /// <summary>Called after any state change: reports what changed, now or after the minimum duration.</summary>
    public void Update(int connectorId)
    {
        var current = _evaluate(connectorId);
        if (current == _reported[connectorId])
        {
            CancelPending(connectorId);
            return;
        }

        var minimum = _configuration.GetSeconds(CoreKeys.MinimumStatusDuration);
        if (minimum <= TimeSpan.Zero)
        {
            CancelPending(connectorId);
            Send(connectorId, current, _clock.GetUtcNow());
            return;
        }

        if (_pending[connectorId] != current)
        {
            _pending[connectorId] = current;
            _pendingSince[connectorId] = _clock.GetUtcNow();
            _timers[connectorId].Start(minimum);
        }
    }

    /// <summary>Reports the present status of a connector now, whatever was reported before.</summary>
    public void ReportNow(int connectorId)
    {
        CancelPending(connectorId);
        Send(connectorId, _evaluate(connectorId), _clock.GetUtcNow());
    }

    private void Settle(int connectorId)
    {
        var current = _evaluate(connectorId);
        if (_pending[connectorId] == current && current != _reported[connectorId])
        {
            // The timestamp says when the status began, not when it became reportable.
            Send(connectorId, current, _pendingSince[connectorId]);
        }

        _pending[connectorId] = null;
        if (current != _reported[connectorId])
        {
            Update(connectorId);
        }
    }

    private void CancelPending(int connectorId)
    {
        if (_pending[connectorId] is not null)
        {
            _pending[connectorId] = null;
            _timers[connectorId].Stop();
        }
    }

    private void Send(int connectorId, StatusSnapshot status, DateTimeOffset since)
    {
        _reported[connectorId] = status;
        _outgoing.Post(new StatusNotificationRequest
        {
            ConnectorId = connectorId,
            Status = status.Status,
            ErrorCode = status.ErrorCode,
            Info = status.Info,
            Timestamp = since,
        });
        Reported?.Invoke(connectorId, status);
    }
}
