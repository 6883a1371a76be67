namespace Station;

/// <summary>A connector's reservation as the control API shows it.</summary>
/// <param name="Id">The reservationId.</param>
/// <param name="IdTag">The identifier it is for.</param>
/// <param name="ExpiryDate">When it ends unused.</param>
public sealed record ReservationSnapshot(int Id, string IdTag, DateTimeOffset ExpiryDate);
