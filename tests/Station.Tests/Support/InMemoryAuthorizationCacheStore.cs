using Station.Authorization;

namespace Station.Tests.Support;

/// <summary>
/// The authorization cache in memory. Identifiers compare case-insensitively, as in the SQLite
/// store (<c>COLLATE NOCASE</c>): an idTag is a CiString.
/// </summary>
public sealed class InMemoryAuthorizationCacheStore : IAuthorizationCacheStore
{
    private readonly Dictionary<string, CachedIdTag> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts with <paramref name="entries"/>, as if saved by an earlier run.</summary>
    public InMemoryAuthorizationCacheStore(params IEnumerable<CachedIdTag> entries)
    {
        foreach (var entry in entries)
        {
            _entries[entry.IdTag] = entry;
        }
    }

    /// <summary>The identifiers stored now.</summary>
    public IReadOnlyList<string> IdTags
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries.Keys.Order(StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    /// <summary>What is stored for an identifier now, if anything.</summary>
    public CachedIdTag? Find(string idTag)
    {
        lock (_entries)
        {
            return _entries.GetValueOrDefault(idTag);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<CachedIdTag> Load()
    {
        lock (_entries)
        {
            return [.. _entries.Values];
        }
    }

    /// <inheritdoc/>
    public void Save(CachedIdTag entry)
    {
        lock (_entries)
        {
            _entries.Remove(entry.IdTag);
            _entries[entry.IdTag] = entry;
        }
    }

    /// <inheritdoc/>
    public void Remove(string idTag)
    {
        lock (_entries)
        {
            _entries.Remove(idTag);
        }
    }

    /// <inheritdoc/>
    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }
}
