namespace Station.Host.Fleet;

/// <summary>
/// A fleet file (<c>--fleet-file</c>): the groups of a mixed fleet, in order. Their stations take
/// consecutive indexes from <c>--first-index</c>, the first group's first.
/// </summary>
internal sealed record FleetFile
{
    public IReadOnlyList<FleetFileGroup>? Groups { get; init; }
}
