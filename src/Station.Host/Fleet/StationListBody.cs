namespace Station.Host.Fleet;

/// <summary>The body of <c>GET /stations</c>: one page of the stations that match, and how many match in all.</summary>
internal sealed record StationListBody(int Total, int Offset, int Limit, IReadOnlyList<StationListItem> Stations);
