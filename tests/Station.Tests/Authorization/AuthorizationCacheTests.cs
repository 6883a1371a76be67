using Ocpp16.Messages;
using Station.Authorization;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Authorization;

/// <summary>The Authorization Cache (OCPP 1.6 §3.5.2, C-04): bounded, case-insensitive, persisted.</summary>
public sealed class AuthorizationCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 17, 9, 26, 53, TimeSpan.Zero);
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };

    private readonly InMemoryAuthorizationCacheStore _store = new();

    [Fact]
    [Trait("Cert", "C-04")]
    public void A_remembered_idTag_is_found_and_persisted()
    {
        var cache = new AuthorizationCache(_store);
        var info = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET", ExpiryDate = T0.AddDays(30) };

        cache.Remember("CARD-1", info, T0);

        Assert.Equal(info, cache.Find("CARD-1"));
        Assert.Equal(new CachedIdTag("CARD-1", info, T0), _store.Find("CARD-1"));
        Assert.Null(cache.Find("CARD-2"));
    }

    [Fact]
    public void IdTags_compare_case_insensitively()
    {
        var cache = new AuthorizationCache(_store);

        cache.Remember("Card-1", Accepted, T0);
        cache.Remember("CARD-1", Accepted with { Status = AuthorizationStatus.Blocked }, T0.AddMinutes(1));

        Assert.Equal(1, cache.Count);
        Assert.Equal(AuthorizationStatus.Blocked, cache.Find("card-1")!.Status);
        Assert.Single(_store.IdTags);
    }

    [Fact]
    public void The_latest_answer_replaces_the_earlier_one()
    {
        var cache = new AuthorizationCache(_store);

        cache.Remember("CARD-1", Accepted, T0);
        cache.Remember("CARD-1", new IdTagInfo { Status = AuthorizationStatus.Expired }, T0.AddHours(1));

        Assert.Equal(AuthorizationStatus.Expired, cache.Find("CARD-1")!.Status);
        Assert.Equal(T0.AddHours(1), _store.Find("CARD-1")!.UpdatedAt);
    }

    [Fact]
    public void When_full_the_entry_updated_longest_ago_gives_way_in_memory_and_in_the_store()
    {
        var cache = new AuthorizationCache(_store, capacity: 2);
        cache.Remember("A", Accepted, T0);
        cache.Remember("B", Accepted, T0.AddMinutes(1));

        cache.Remember("C", Accepted, T0.AddMinutes(2));

        Assert.Equal(2, cache.Count);
        Assert.Null(cache.Find("A"));
        Assert.NotNull(cache.Find("B"));
        Assert.NotNull(cache.Find("C"));
        Assert.Equal(["B", "C"], _store.IdTags);
    }

    [Fact]
    public void An_entry_updated_again_is_kept_over_older_ones()
    {
        var cache = new AuthorizationCache(_store, capacity: 2);
        cache.Remember("A", Accepted, T0);
        cache.Remember("B", Accepted, T0.AddMinutes(1));
        cache.Remember("a", Accepted, T0.AddMinutes(2));

        cache.Remember("C", Accepted, T0.AddMinutes(3));

        Assert.NotNull(cache.Find("A"));
        Assert.Null(cache.Find("B"));
        Assert.Equal(["a", "C"], _store.IdTags, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Updating_an_entry_of_a_full_cache_evicts_nothing()
    {
        var cache = new AuthorizationCache(_store, capacity: 2);
        cache.Remember("A", Accepted, T0);
        cache.Remember("B", Accepted, T0.AddMinutes(1));

        cache.Remember("A", Accepted with { Status = AuthorizationStatus.Blocked }, T0.AddMinutes(2));

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Find("B"));
    }

    [Fact]
    public void The_persisted_cache_is_loaded()
    {
        var store = new InMemoryAuthorizationCacheStore(new CachedIdTag("KNOWN", Accepted, T0), new CachedIdTag("BLOCKED", new IdTagInfo { Status = AuthorizationStatus.Blocked }, T0));

        var cache = new AuthorizationCache(store);

        Assert.Equal(2, cache.Count);
        Assert.Equal(AuthorizationStatus.Accepted, cache.Find("known")!.Status);
        Assert.Equal(AuthorizationStatus.Blocked, cache.Find("Blocked")!.Status);
    }

    [Fact]
    [Trait("Cert", "TC_061_CS")]
    public void Clear_empties_the_cache_and_the_store()
    {
        var cache = new AuthorizationCache(_store);
        cache.Remember("A", Accepted, T0);
        cache.Remember("B", Accepted, T0);

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find("A"));
        Assert.Empty(_store.IdTags);
    }
}
