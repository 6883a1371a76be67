namespace Station.Host.Control;

/// <summary>The body of <c>POST /connectors/{n}/fault</c>.</summary>
internal sealed record FaultBody
{
    public string? ErrorCode { get; init; }

    public string? Info { get; init; }
}
