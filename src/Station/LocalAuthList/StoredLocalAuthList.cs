namespace Station.LocalAuthList;

/// <summary>The Local Authorization List as stored: its version and its entries.</summary>
/// <param name="Version">The listVersion of the last update applied; 0 for an empty list (OCPP 1.6 §5.10).</param>
/// <param name="Entries">The identifiers, each once.</param>
public sealed record StoredLocalAuthList(int Version, IReadOnlyList<LocalAuthListEntry> Entries)
{
    /// <summary>No list: version 0, no entries.</summary>
    public static StoredLocalAuthList Empty { get; } = new(0, []);
}
