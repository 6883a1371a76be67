namespace Station.Reservation;

/// <summary>A reservation the station holds (OCPP 1.6 §5.13), as it is kept and persisted.</summary>
/// <param name="ReservationId">The Central System's id; a ReserveNow with the same id replaces it.</param>
/// <param name="ConnectorId">The reserved connector; 0: any connector of the station (ReserveConnectorZeroSupported).</param>
/// <param name="IdTag">The identifier the reservation is for.</param>
/// <param name="ParentIdTag">Its group: an identifier of the same parent may use the reservation too.</param>
/// <param name="ExpiryDate">When the reservation ends unused.</param>
public sealed record StoredReservation(int ReservationId, int ConnectorId, string IdTag, string? ParentIdTag, DateTimeOffset ExpiryDate);
