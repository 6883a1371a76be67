namespace Station.Host.Control;

/// <summary>The body of <c>POST /rfid</c>.</summary>
internal sealed record RfidBody
{
    public string? IdTag { get; init; }
}
