using System.Collections.Frozen;
using Ocpp16.Messages;

namespace Station.LocalAuthList;

/// <summary>
/// The list as lookups read it: never changed once built, so authorization reads it without a
/// lock while an update builds the next one.
/// </summary>
/// <param name="Version">The list version; 0 when empty.</param>
/// <param name="Entries">The entries by idTag, case-insensitive (CiString20).</param>
public sealed record LocalAuthListContents(int Version, FrozenDictionary<string, IdTagInfo> Entries)
{
    /// <summary>The empty list.</summary>
    public static LocalAuthListContents Empty { get; } = new(0, FrozenDictionary<string, IdTagInfo>.Empty);

    /// <summary>The contents of a stored list; a list without entries has version 0 whatever was stored.</summary>
    public static LocalAuthListContents From(StoredLocalAuthList stored)
    {
        var entries = new Dictionary<string, IdTagInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in stored.Entries)
        {
            entries[entry.IdTag] = entry.Info;
        }

        return entries.Count == 0 ? Empty : new LocalAuthListContents(stored.Version, entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
