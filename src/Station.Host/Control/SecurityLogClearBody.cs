namespace Station.Host.Control;

/// <summary>The optional body of <c>POST /security-log/clear</c>: who clears it or why, for the event's techInfo.</summary>
internal sealed record SecurityLogClearBody
{
    public string? Reason { get; init; }
}
