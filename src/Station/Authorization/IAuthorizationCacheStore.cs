namespace Station.Authorization;

/// <summary>Persists the authorization cache (C-04), so that offline authorization survives a reboot.</summary>
public interface IAuthorizationCacheStore
{
    /// <summary>Every cached identifier.</summary>
    IReadOnlyList<CachedIdTag> Load();

    /// <summary>Adds or replaces an entry.</summary>
    void Save(CachedIdTag entry);

    /// <summary>Removes an entry.</summary>
    void Remove(string idTag);

    /// <summary>Removes every entry (ClearCache).</summary>
    void Clear();
}
