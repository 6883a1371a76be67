namespace Station.Reservation;

/// <summary>Where the reservation block keeps its reservations across a reboot or a power loss.</summary>
public interface IReservationStore
{
    /// <summary>Every stored reservation.</summary>
    IReadOnlyList<StoredReservation> Load();

    /// <summary>Stores a reservation, replacing the one with the same id; durable when it returns.</summary>
    void Save(StoredReservation reservation);

    /// <summary>Removes the reservation with <paramref name="reservationId"/>, if stored.</summary>
    void Delete(int reservationId);
}
