namespace Station.Host.Dashboard;

/// <summary>One configuration key as GetConfiguration reports it: <c>{"key":…,"value":…,"readonly":bool}</c>.</summary>
internal sealed record ConfigurationKeyBody(string Key, string? Value, bool Readonly);
