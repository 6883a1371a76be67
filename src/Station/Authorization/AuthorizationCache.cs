using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>
/// The Authorization Cache (OCPP 1.6 §3.5.2, C-04): the last idTagInfo the Central System gave for
/// each identifier, from Authorize, StartTransaction and StopTransaction answers. Bounded: the
/// entry updated longest ago gives way. Thread-safe, because authorization runs beside the
/// station lock while it waits for the Central System.
/// </summary>
public sealed class AuthorizationCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CachedIdTag> _entries;
    private readonly IAuthorizationCacheStore _store;
    private readonly int _capacity;

    /// <summary>Loads the persisted cache.</summary>
    public AuthorizationCache(IAuthorizationCacheStore store, int capacity = 1000)
    {
        _store = store;
        _capacity = capacity;
        _entries = store.Load().ToDictionary(e => e.IdTag, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The number of cached identifiers.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>What is cached for <paramref name="idTag"/> (identifiers compare case-insensitively: CiString).</summary>
    public IdTagInfo? Find(string idTag)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(idTag, out var entry) ? entry.Info : null;
        }
    }

    /// <summary>Remembers what the Central System said of <paramref name="idTag"/>.</summary>
    public void Remember(string idTag, IdTagInfo info, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_entries.ContainsKey(idTag) && _entries.Count >= _capacity)
            {
                var oldest = _entries.Values.MinBy(e => e.UpdatedAt)!;
                _entries.Remove(oldest.IdTag);
                _store.Remove(oldest.IdTag);
            }

            var entry = new CachedIdTag(idTag, info, now);
            _entries[idTag] = entry;
            _store.Save(entry);
        }
    }

    /// <summary>Empties the cache (ClearCache).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _store.Clear();
        }
    }
}
