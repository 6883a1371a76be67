using System.Collections.Concurrent;

namespace Station.Reservation;

/// <summary>A reservation store that forgets everything with the process (embedding without a database, tests).</summary>
public sealed class InMemoryReservationStore : IReservationStore
{
    private readonly ConcurrentDictionary<int, StoredReservation> _reservations = new();

    /// <inheritdoc/>
    public IReadOnlyList<StoredReservation> Load() => [.. _reservations.Values.OrderBy(r => r.ReservationId)];

    /// <inheritdoc/>
    public void Save(StoredReservation reservation) => _reservations[reservation.ReservationId] = reservation;

    /// <inheritdoc/>
    public void Delete(int reservationId) => _reservations.TryRemove(reservationId, out _);
}
