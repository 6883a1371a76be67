namespace Station.Host.Control;

/// <summary>A connector's reservation in <c>GET /state</c> (Reservation profile).</summary>
internal sealed record ReservationBody(int Id, string IdTag, DateTimeOffset ExpiryDate);
