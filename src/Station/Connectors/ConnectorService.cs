using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Configuration;
using Station.Connection;
using Station.Runtime;

namespace Station.Connectors;

/// <summary>
/// Owns the connectors' physical state and availability, derives their OCPP status and reports
/// it. Other blocks change their part of a <see cref="ConnectorState"/> and call
/// <see cref="Refresh"/>; nobody sets a status directly.
/// </summary>
public sealed class ConnectorService : IConnectorHolds
{
    private readonly ConnectorState[] _states;
    private readonly IAvailabilityStore _store;
    private readonly StatusReporter _reporter;
    private readonly OutgoingMessages _outgoing;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;

    /// <summary>Creates connectors 0..<paramref name="connectorCount"/> with their stored availability.</summary>
    public ConnectorService(int connectorCount, IAvailabilityStore store, OutgoingMessages outgoing, IStationConfiguration configuration, StationRuntime runtime)
    {
        _states = [.. Enumerable.Range(0, connectorCount + 1).Select(id => new ConnectorState(id))];
        _store = store;
        _outgoing = outgoing;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Connectors");
        foreach (var stored in store.Load().Where(s => Exists(s.ConnectorId)))
        {
            _states[stored.ConnectorId].Availability = stored.Availability;
            _states[stored.ConnectorId].ScheduledAvailability = stored.Scheduled;
        }

        _reporter = new StatusReporter(connectorCount, id => Evaluate(id), outgoing, configuration, runtime);
        _reporter.Reported += (id, status) => ConnectorsLog.StatusChanged(_logger, id, status.Status, status.ErrorCode);
    }

    /// <summary>Raised with every status reported (for the control API and tests).</summary>
    public event Action<int, StatusSnapshot>? StatusReported
    {
        add => _reporter.Reported += value;
        remove => _reporter.Reported -= value;
    }

    /// <summary>
    /// Raised at the end of every <see cref="Refresh"/>, under the station lock: a block that holds
    /// connectors (reservations) re-derives its holds from the new state. It may call back into the
    /// service; the nested refresh raises the event again.
    /// </summary>
    public event Action? Refreshed;

    /// <summary>The number of connectors, connector 0 not counted.</summary>
    public int Count => _states.Length - 1;

    /// <summary>The station as a whole (connector 0).</summary>
    public ConnectorState Station => _states[0];

    /// <summary>Connectors 1..n.</summary>
    public IEnumerable<ConnectorState> All => _states.Skip(1);

    /// <summary>A connector by id (0 is the station).</summary>
    public ConnectorState this[int connectorId] => _states[connectorId];

    /// <summary>Whether <paramref name="connectorId"/> is 0 or an existing connector.</summary>
    public bool Exists(int connectorId) => connectorId >= 0 && connectorId < _states.Length;

    /// <summary>The status connector <paramref name="connectorId"/> has now.</summary>
    public StatusSnapshot Evaluate(int connectorId) => _states[connectorId].Evaluate(Station);

    /// <summary>Whether a new session may start on the connector.</summary>
    public bool IsUsable(int connectorId) => connectorId >= 1 && Exists(connectorId) && _states[connectorId].IsUsable(Station);

    /// <summary>
    /// Applies availability changes that waited for a transaction, then reports every status that
    /// changed. Call after changing any part of a connector's state.
    /// </summary>
    public void Refresh()
    {
        foreach (var state in _states)
        {
            if (state.ScheduledAvailability is { } scheduled && !HasTransaction(state.Id))
            {
                Set(state, scheduled, scheduled: null);
                ConnectorsLog.ScheduledApplied(_logger, state.Id, scheduled);
            }
        }

        for (var id = 0; id < _states.Length; id++)
        {
            _reporter.Update(id);
        }

        Refreshed?.Invoke();
    }

    /// <summary>The cable at a connector: plugged into the EV, or only left in the socket (detachable cables), or gone.</summary>
    public void SetCable(int connectorId, bool plugged, bool inSocket)
    {
        _states[connectorId].CablePlugged = plugged;
        _states[connectorId].CableInSocket = inSocket;
        if (!plugged)
        {
            _states[connectorId].EvSuspended = false;
        }
    }

    /// <summary>Whether the EV declines to draw current.</summary>
    public void SetEvSuspended(int connectorId, bool suspended) => _states[connectorId].EvSuspended = suspended;

    /// <summary>A fault of a connector (0: the whole station), or none.</summary>
    public void SetFault(int connectorId, ConnectorFault? fault) => _states[connectorId].Fault = fault;

    /// <summary>The emergency stop of the station, pressed or released.</summary>
    public void SetEmergencyStop(bool pressed) => Station.EmergencyStopped = pressed;

    /// <summary>The session phase of a connector, as the transaction block publishes it.</summary>
    public void SetSession(int connectorId, SessionPhase phase) => _states[connectorId].Session = phase;

    /// <summary>Whether an authorization waits for whichever connector gets the cable (a card with several free connectors).</summary>
    public void SetAuthorizationUnassigned(bool waiting) => Station.AuthorizationUnassigned = waiting;

    /// <inheritdoc/>
    public void SetMaintenance(bool inMaintenance)
    {
        foreach (var connector in All)
        {
            connector.InMaintenance = inMaintenance;
        }

        Refresh();
    }

    /// <inheritdoc/>
    public void SetReserved(int connectorId, bool reserved)
    {
        _states[connectorId].Reserved = reserved;
        Refresh();
    }

    /// <inheritdoc/>
    public void SetPowerWithheld(int connectorId, bool withheld)
    {
        if (_states[connectorId].PowerWithheld != withheld)
        {
            _states[connectorId].PowerWithheld = withheld;
            Refresh();
        }
    }

    /// <summary>Reports the present status of connector 0 and every connector (after boot or reconnection).</summary>
    public void ReportAll()
    {
        for (var id = 0; id < _states.Length; id++)
        {
            _reporter.ReportNow(id);
        }
    }

    /// <summary>Reports one connector's present status now (TriggerMessage).</summary>
    public void Report(int connectorId) => _reporter.ReportNow(connectorId);

    /// <summary>
    /// TriggerMessage StatusNotification: the present status of one connector, or of connector 0
    /// and every connector when none is named ("all allowed connectorId values"), never held back
    /// by MinimumStatusDuration (pitfall 8). While Pending they go straight to the Central System.
    /// </summary>
    public async Task ReportOnRequestAsync(int? connectorId, CancellationToken cancellationToken)
    {
        List<StatusNotificationRequest> direct;
        IEnumerable<int> ids = connectorId is { } id ? [id] : Enumerable.Range(0, Count + 1);
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_outgoing.IsOnline)
            {
                foreach (var each in ids)
                {
                    Report(each);
                }

                return;
            }

            var now = _runtime.Clock.GetUtcNow();
            direct = [.. ids.Select(each =>
            {
                var status = Evaluate(each);
                return new StatusNotificationRequest { ConnectorId = each, Status = status.Status, ErrorCode = status.ErrorCode, Info = status.Info, Timestamp = now };
            })];
        }

        foreach (var request in direct)
        {
            await _outgoing.SendOnRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// ChangeAvailability (§5.2): connector 0 changes the station and every connector. A connector
    /// with a running transaction becomes Inoperative when the transaction ends (Scheduled).
    /// </summary>
    public AvailabilityStatus ChangeAvailability(int connectorId, AvailabilityType type)
    {
        if (!Exists(connectorId))
        {
            return AvailabilityStatus.Rejected;
        }

        var targets = connectorId == 0 ? _states : [_states[connectorId]];
        var status = AvailabilityStatus.Accepted;
        foreach (var state in targets)
        {
            if (type == AvailabilityType.Inoperative && HasTransaction(state.Id))
            {
                Set(state, state.Availability, scheduled: type);
                status = AvailabilityStatus.Scheduled;
            }
            else
            {
                Set(state, type, scheduled: null);
            }
        }

        ConnectorsLog.AvailabilityChanged(_logger, connectorId, type, status);
        Refresh();
        return status;
    }

    private bool HasTransaction(int connectorId) =>
        connectorId == 0 ? All.Any(c => c.HasTransaction) : _states[connectorId].HasTransaction;

    private void Set(ConnectorState state, AvailabilityType availability, AvailabilityType? scheduled)
    {
        if (state.Availability == availability && state.ScheduledAvailability == scheduled)
        {
            return;
        }

        state.Availability = availability;
        state.ScheduledAvailability = scheduled;
        _store.Save(new StoredAvailability(state.Id, availability, scheduled));
    }
}
