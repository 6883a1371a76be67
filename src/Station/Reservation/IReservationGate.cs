namespace Station.Reservation;

/// <summary>
/// How the transaction block asks the reservation block before it starts anything: whether an
/// identifier may begin on a connector, which reservation its StartTransaction carries, and that
/// the reservation ended with it. Members run under the station lock.
/// </summary>
public interface IReservationGate
{
    /// <summary>
    /// What the reservations leave to <paramref name="idTag"/> on connector <paramref name="connectorId"/> (from 1);
    /// <paramref name="parentIdTag"/> is its group, or null when not known (yet).
    /// </summary>
    ReservationAccess Access(int connectorId, string idTag, string? parentIdTag);

    /// <summary>The reservation a transaction of <paramref name="idTag"/> starting on <paramref name="connectorId"/> uses, or null.</summary>
    int? ReservationFor(int connectorId, string idTag, string? parentIdTag);

    /// <summary>A transaction started with reservation <paramref name="reservationId"/>: the reservation ends (§5.13).</summary>
    void Used(int reservationId);
}
