namespace Station.Reservation;

/// <summary>What the reservations leave to an identifier on a connector.</summary>
public enum ReservationAccess
{
    /// <summary>No reservation stands in the way.</summary>
    Open,

    /// <summary>A reservation of this identifier (or of its group) holds the connector: it may start and uses the reservation.</summary>
    Reserved,

    /// <summary>A reservation with a parentIdTag holds the connector and the identifier's parent is not known yet: authorize to learn it.</summary>
    NeedsParent,

    /// <summary>The connector is kept for another identifier.</summary>
    Refused,
}
