namespace Station.Host.Dashboard;

/// <summary>The body of <c>GET /configuration</c>.</summary>
internal sealed record ConfigurationBody(IReadOnlyList<ConfigurationKeyBody> Keys);
