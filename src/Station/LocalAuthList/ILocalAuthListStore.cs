namespace Station.LocalAuthList;

/// <summary>
/// Where the Local Authorization List survives reboots and power losses. Each update is one
/// atomic write: after a crash the store holds the list before the update or after it, never a
/// mix. A write that throws has stored nothing.
/// </summary>
public interface ILocalAuthListStore
{
    /// <summary>The stored list; <see cref="StoredLocalAuthList.Empty"/> before anything was stored.</summary>
    StoredLocalAuthList Load();

    /// <summary>A Full update: replaces every entry and the version; durable when it returns.</summary>
    void Replace(int version, IReadOnlyList<LocalAuthListEntry> entries);

    /// <summary>A Differential update: adds or replaces <paramref name="upserts"/>, removes <paramref name="removals"/>, sets the version; durable when it returns.</summary>
    void Update(int version, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<string> removals);
}
