namespace Station;

/// <summary>The Local Authorization List in the station's snapshot (<c>GET /state</c>).</summary>
/// <param name="Version">What GetLocalListVersion answers now: -1 while disabled, 0 when empty.</param>
/// <param name="Entries">The identifiers on the list (kept while it is disabled).</param>
/// <param name="Enabled">LocalAuthListEnabled.</param>
public sealed record LocalAuthListSnapshot(int Version, int Entries, bool Enabled);
