namespace Station.Host.Control;

/// <summary>The body of <c>GET /security-log</c>: the station's security log, oldest first.</summary>
internal sealed record SecurityLogBody(IReadOnlyList<SecurityLogEntryBody> Entries);
