namespace Station.Host.Control;

/// <summary>The optional body of <c>POST /tamper</c>: which sensor was triggered.</summary>
internal sealed record TamperBody
{
    public string? Sensor { get; init; }
}
