namespace Station.Host.Dashboard;

/// <summary>The body of <c>GET /frames</c>: the latest frames, oldest first.</summary>
internal sealed record FramesBody(IReadOnlyList<DashboardFrame> Frames);
