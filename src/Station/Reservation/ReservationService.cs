using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Configuration;
using Station.Connectors;
using Station.Runtime;

namespace Station.Reservation;

/// <summary>
/// Owns the station's reservations (OCPP 1.6 §5.13): ReserveNow and CancelReservation, expiry at
/// <c>expiryDate</c>, the end of a reservation when its transaction starts or its connector becomes
/// Faulted or Unavailable, and which connectors show Reserved. A reservation on connector 0 keeps
/// one connector free for its idTag: while at least one more connector is free than such
/// reservations exist, no connector shows Reserved; at the limit every free one does and other
/// idTags are refused. The connector block applies the holds (<see cref="IConnectorHolds"/>).
/// Every member runs under the station lock.
/// </summary>
public sealed class ReservationService : IReservationGate
{
    private readonly ConnectorService _connectors;
    private readonly IConnectorHolds _holds;
    private readonly IReservationStore _store;
    private readonly IStationConfiguration _configuration;
    private readonly StationClock _clock;
    private readonly StationTimer _expiry;
    private readonly ILogger _logger;
    private readonly Dictionary<int, StoredReservation> _reservations = [];
    private bool _applying;

    /// <summary>Creates the block; <paramref name="supported"/> false answers every request Rejected (the model disabled the profile).</summary>
    public ReservationService(
        ConnectorService connectors, IConnectorHolds holds, IReservationStore store, IStationConfiguration configuration, StationRuntime runtime, bool supported)
    {
        _connectors = connectors;
        _holds = holds;
        _store = store;
        _configuration = configuration;
        _clock = runtime.Clock;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Reservation");
        Supported = supported;
        _expiry = runtime.CreateTimer("reservation expiry", Expire);

        // Any change of a connector may end a reservation or move which connectors are kept.
        connectors.Refreshed += Apply;

        // expiryDate is a time of the Central System's clock: a jump moves the deadline.
        runtime.ClockJumped += _ => Arm();
    }

    /// <summary>Whether the station offers the Reservation profile.</summary>
    public bool Supported { get; }

    /// <summary>The reservations in force, by id.</summary>
    public IReadOnlyCollection<StoredReservation> All => _reservations.Values;

    /// <summary>
    /// Recovers the reservations persisted before a reboot or power loss; one that expired meanwhile
    /// (or names a connector the model no longer has) is dropped.
    /// </summary>
    public void Start()
    {
        var now = _clock.GetUtcNow();
        foreach (var stored in _store.Load())
        {
            if (stored.ExpiryDate <= now || !_connectors.Exists(stored.ConnectorId))
            {
                _store.Delete(stored.ReservationId);
                ReservationLog.Ended(_logger, stored.ReservationId, stored.ConnectorId, "expired while the station was off");
                continue;
            }

            _reservations[stored.ReservationId] = stored;
            ReservationLog.Restored(_logger, stored.ReservationId, stored.ConnectorId, stored.IdTag, stored.ExpiryDate);
        }

        Apply();
        Arm();
    }

    /// <summary>ReserveNow (§5.13): a request with the id of a reservation in force replaces it if it can be made; otherwise the old one stays.</summary>
    public ReservationStatus Reserve(ReserveNowRequest request)
    {
        var status = Decide(request);
        if (status == ReservationStatus.Accepted)
        {
            var reservation = new StoredReservation(request.ReservationId, request.ConnectorId, request.IdTag, request.ParentIdTag, request.ExpiryDate);
            _store.Save(reservation);
            _reservations[reservation.ReservationId] = reservation;
            Apply();
            Arm();
        }

        ReservationLog.Reserve(_logger, request.ReservationId, request.ConnectorId, request.IdTag, request.ExpiryDate, status);
        return status;
    }

    /// <summary>CancelReservation (§5.1): Accepted for a reservation in force, Rejected for an unknown id.</summary>
    public CancelReservationStatus Cancel(int reservationId)
    {
        var status = CancelReservationStatus.Rejected;
        if (Supported && _reservations.TryGetValue(reservationId, out var reservation))
        {
            End(reservation, "cancelled");
            Apply();
            Arm();
            status = CancelReservationStatus.Accepted;
        }

        ReservationLog.Cancel(_logger, reservationId, status);
        return status;
    }

    /// <summary>The reservation connector <paramref name="connectorId"/> shows: its own, or the connector-0 reservation it is kept for.</summary>
    public StoredReservation? On(int connectorId) =>
        Specific(connectorId) ?? (_connectors[connectorId].Reserved ? StationWide().OrderBy(r => r.ExpiryDate).FirstOrDefault() : null);

    /// <inheritdoc/>
    public ReservationAccess Access(int connectorId, string idTag, string? parentIdTag)
    {
        if (Specific(connectorId) is { } own)
        {
            return Matches(own, idTag, parentIdTag) ? ReservationAccess.Reserved
                : CouldMatch(own, parentIdTag) ? ReservationAccess.NeedsParent
                : ReservationAccess.Refused;
        }

        var stationWide = StationWide().ToList();
        if (stationWide.Count == 0)
        {
            return ReservationAccess.Open;
        }

        if (stationWide.Any(r => Matches(r, idTag, parentIdTag)))
        {
            return ReservationAccess.Reserved;
        }

        // Another idTag may take this connector while enough others stay free for the reservations.
        var othersKept = Enumerable.Range(1, _connectors.Count).Count(id => id != connectorId && IsKeepable(id, except: null));
        return othersKept >= stationWide.Count ? ReservationAccess.Open
            : stationWide.Any(r => CouldMatch(r, parentIdTag)) ? ReservationAccess.NeedsParent
            : ReservationAccess.Refused;
    }

    /// <inheritdoc/>
    public int? ReservationFor(int connectorId, string idTag, string? parentIdTag)
    {
        if (Specific(connectorId) is { } own)
        {
            return Matches(own, idTag, parentIdTag) ? own.ReservationId : null;
        }

        return StationWide().Where(r => Matches(r, idTag, parentIdTag)).OrderBy(r => r.ExpiryDate).FirstOrDefault()?.ReservationId;
    }

    /// <inheritdoc/>
    public void Used(int reservationId)
    {
        if (_reservations.TryGetValue(reservationId, out var reservation))
        {
            End(reservation, "its transaction started");
            Apply();
            Arm();
        }
    }

    private ReservationStatus Decide(ReserveNowRequest request)
    {
        string? refusal =
            !Supported ? "the Reservation profile is disabled"
            : !_connectors.Exists(request.ConnectorId) ? $"connector {request.ConnectorId} does not exist"
            : request.ConnectorId == 0 && !_configuration.GetBool(ReservationKeys.ReserveConnectorZeroSupported) ? "ReserveConnectorZeroSupported is false"
            : request.ExpiryDate <= _clock.GetUtcNow() ? $"expiryDate {request.ExpiryDate:O} is not in the future"
            : null;
        if (refusal is not null)
        {
            ReservationLog.Refused(_logger, request.ReservationId, refusal);
            return ReservationStatus.Rejected;
        }

        return request.ConnectorId == 0 ? DecideStationWide(request.ReservationId) : DecideConnector(request.ConnectorId, request.ReservationId);
    }

    private ReservationStatus DecideConnector(int connectorId, int reservationId)
    {
        switch (_connectors.Evaluate(connectorId).Status)
        {
            case ChargePointStatus.Faulted:
                return ReservationStatus.Faulted;
            case ChargePointStatus.Unavailable:
                return ReservationStatus.Unavailable;
        }

        if (IsOccupied(connectorId) || Specific(connectorId, except: reservationId) is not null)
        {
            return ReservationStatus.Occupied;
        }

        // The connector may not be one a reservation of connector 0 needs.
        var stationWide = StationWide(except: reservationId).Count();
        var othersKept = Enumerable.Range(1, _connectors.Count).Count(id => id != connectorId && IsKeepable(id, reservationId));
        return othersKept >= stationWide ? ReservationStatus.Accepted : ReservationStatus.Occupied;
    }

    private ReservationStatus DecideStationWide(int reservationId)
    {
        switch (_connectors.Evaluate(0).Status)
        {
            case ChargePointStatus.Faulted:
                return ReservationStatus.Faulted;
            case ChargePointStatus.Unavailable:
                return ReservationStatus.Unavailable;
        }

        var ids = Enumerable.Range(1, _connectors.Count).ToList();
        var free = ids.Count(id => IsKeepable(id, reservationId) && !IsOccupied(id));
        if (free > StationWide(except: reservationId).Count())
        {
            return ReservationStatus.Accepted;
        }

        // Why none is left: one in use (or reserved) says Occupied; otherwise they are all faulted or unavailable.
        var statuses = ids.Select(id => _connectors.Evaluate(id).Status).ToList();
        return statuses.Any(s => s is not (ChargePointStatus.Faulted or ChargePointStatus.Unavailable)) ? ReservationStatus.Occupied
            : statuses.Contains(ChargePointStatus.Faulted) ? ReservationStatus.Faulted
            : ReservationStatus.Unavailable;
    }

    // Applies what the reservations mean for the connectors: §5.13 ends a reservation whose connector
    // (the station, for connector 0) is Faulted or Unavailable; the others decide which connectors show Reserved.
    private void Apply()
    {
        if (_applying)
        {
            return;
        }

        _applying = true;
        try
        {
            var ended = false;
            foreach (var reservation in _reservations.Values.ToList())
            {
                if (_connectors.Evaluate(reservation.ConnectorId).Status is { } status && status is ChargePointStatus.Faulted or ChargePointStatus.Unavailable)
                {
                    End(reservation, $"connector {reservation.ConnectorId} is {status}");
                    ended = true;
                }
            }

            // Setting a hold refreshes the connectors, which may change what is kept: until nothing changes.
            for (var changed = true; changed;)
            {
                changed = false;
                var held = Held();
                for (var id = 1; id <= _connectors.Count; id++)
                {
                    if (_connectors[id].Reserved != held[id])
                    {
                        _holds.SetReserved(id, held[id]);
                        changed = true;
                    }
                }
            }

            if (ended)
            {
                Arm();
            }
        }
        finally
        {
            _applying = false;
        }
    }

    // The connectors that show Reserved: those reserved by id, and the free ones when no more are free than connector-0 reservations exist.
    private bool[] Held()
    {
        var held = new bool[_connectors.Count + 1];
        foreach (var reservation in _reservations.Values.Where(r => r.ConnectorId > 0))
        {
            held[reservation.ConnectorId] = true;
        }

        var stationWide = StationWide().Count();
        var keepable = Enumerable.Range(1, _connectors.Count).Where(id => IsKeepable(id, except: null)).ToList();
        if (stationWide > 0 && keepable.Count <= stationWide)
        {
            keepable.ForEach(id => held[id] = true);
        }

        return held;
    }

    private void Arm()
    {
        if (_reservations.Count == 0)
        {
            _expiry.Stop();
            return;
        }

        _expiry.Start(_reservations.Values.Min(r => r.ExpiryDate) - _clock.GetUtcNow());
    }

    private void Expire()
    {
        var now = _clock.GetUtcNow();
        foreach (var reservation in _reservations.Values.Where(r => r.ExpiryDate <= now).ToList())
        {
            End(reservation, "expired");
        }

        Apply();
        Arm();
    }

    private void End(StoredReservation reservation, string why)
    {
        _reservations.Remove(reservation.ReservationId);
        _store.Delete(reservation.ReservationId);
        ReservationLog.Ended(_logger, reservation.ReservationId, reservation.ConnectorId, why);
    }

    // A connector that could be kept for a reservation: usable, no session on it, not reserved by id.
    // A cable plugged without identification does not take it: it may be the reserving driver's.
    private bool IsKeepable(int connectorId, int? except) =>
        _connectors.IsUsable(connectorId) && _connectors[connectorId].Session == SessionPhase.Idle && Specific(connectorId, except) is null;

    // In use for a new reservation's purposes (§5.13 Occupied): a transaction, a session, or a cable.
    private bool IsOccupied(int connectorId)
    {
        var state = _connectors[connectorId];
        return state.HasTransaction || state.Session != SessionPhase.Idle || state.CablePlugged || state.CableInSocket;
    }

    private StoredReservation? Specific(int connectorId, int? except = null) =>
        connectorId == 0 ? null : _reservations.Values.FirstOrDefault(r => r.ConnectorId == connectorId && r.ReservationId != except);

    private IEnumerable<StoredReservation> StationWide(int? except = null) =>
        _reservations.Values.Where(r => r.ConnectorId == 0 && r.ReservationId != except);

    // §5.13: the incoming idTag or its parent matches the reservation's idTag or parent (CiString: case-insensitive).
    private static bool Matches(StoredReservation reservation, string idTag, string? parentIdTag) =>
        SameId(reservation.IdTag, idTag) || (reservation.ParentIdTag is { } parent && parentIdTag is { } incoming && SameId(parent, incoming));

    private static bool CouldMatch(StoredReservation reservation, string? parentIdTag) => reservation.ParentIdTag is not null && parentIdTag is null;

    private static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
