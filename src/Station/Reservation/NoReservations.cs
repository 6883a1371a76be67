namespace Station.Reservation;

/// <summary>The gate of a station composed without the reservation block: nothing is ever reserved.</summary>
internal sealed class NoReservations : IReservationGate
{
    public static NoReservations Instance { get; } = new();

    public ReservationAccess Access(int connectorId, string idTag, string? parentIdTag) => ReservationAccess.Open;

    public int? ReservationFor(int connectorId, string idTag, string? parentIdTag) => null;

    public void Used(int reservationId)
    {
    }
}
