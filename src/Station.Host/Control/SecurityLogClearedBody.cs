namespace Station.Host.Control;

/// <summary>The answer of <c>POST /security-log/clear</c>.</summary>
/// <param name="Removed">Entries removed (those the Central System had answered).</param>
/// <param name="Remaining">Entries left: the ones still owed to the Central System, and SecurityLogWasCleared.</param>
internal sealed record SecurityLogClearedBody(int Removed, int Remaining);
