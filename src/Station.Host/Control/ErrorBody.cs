namespace Station.Host.Control;

/// <summary><c>{"error": "..."}</c>: why a request was refused.</summary>
/// <param name="Error">One line naming the offending value.</param>
internal sealed record ErrorBody(string Error);
