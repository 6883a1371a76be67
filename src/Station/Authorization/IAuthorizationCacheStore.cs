using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>One remembered identifier.</summary>
/// <param name="IdTag">The identifier.</param>
/// <param name="Info">What the Central System last said of it.</param>
/// <param name="UpdatedAt">When that was.</param>
public sealed record CachedIdTag(string IdTag, IdTagInfo Info, DateTimeOffset UpdatedAt);

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
