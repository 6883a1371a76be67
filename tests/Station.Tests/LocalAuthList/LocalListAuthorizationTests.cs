using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Authorization;
using Station.Configuration;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.LocalAuthList;

/// <summary>
/// How authorization uses the Local Authorization List (OCPP 1.6 §3.5.3, §3.5.4): offline by its
/// status and expiry (LocalAuthorizeOffline), online to start at once (LocalPreAuthorize), always
/// before the cache, and never copied into the cache.
/// </summary>
public sealed class LocalListAuthorizationTests : IAsyncLifetime
{
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };
    private static readonly IdTagInfo Blocked = new() { Status = AuthorizationStatus.Blocked };

    private readonly BlockHarness _harness = new();
    private readonly InMemoryAuthorizationCacheStore _cacheStore = new();
    private readonly FakeLocalAuthList _localList = new();
    private AuthorizationService _authorization = null!;

    public Task InitializeAsync()
    {
        _authorization = new AuthorizationService(_harness.Link, _harness.Outgoing, _harness.Configuration, new AuthorizationCache(_cacheStore), _localList, _harness.Runtime);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    [Trait("Cert", "C-04")]
    public async Task Offline_a_tag_blocked_on_the_list_is_refused_even_though_the_cache_accepts_it_and_unknown_tags_may_charge()
    {
        Set(CoreKeys.AllowOfflineTxForUnknownId, true);
        Cache("CARD-1", Accepted);
        _localList.With("CARD-1", Blocked);

        var result = await _authorization.AuthorizeAsync("card-1").OrTimeout();

        Assert.Equal((AuthorizationStatus.Blocked, AuthorizationSource.LocalList), (result.Info.Status, result.Source));
    }

    [Fact]
    [Trait("Cert", "C-01")]
    public async Task Offline_a_listed_tag_is_decided_by_its_status_and_expiry()
    {
        var now = _harness.Clock.GetUtcNow();
        _localList.With("VALID", Accepted with { ExpiryDate = now.AddHours(1), ParentIdTag = "FLEET" })
            .With("LAPSED", Accepted with { ExpiryDate = now.AddSeconds(-1) })
            .With("GONE", new IdTagInfo { Status = AuthorizationStatus.Expired });

        var valid = await _authorization.AuthorizeAsync("VALID").OrTimeout();
        var lapsed = await _authorization.AuthorizeAsync("LAPSED").OrTimeout();
        var gone = await _authorization.AuthorizeAsync("GONE").OrTimeout();

        Assert.Equal((true, AuthorizationSource.LocalList, "FLEET"), (valid.IsAccepted, valid.Source, valid.Info.ParentIdTag));
        Assert.Equal((AuthorizationStatus.Expired, AuthorizationSource.LocalList), (lapsed.Info.Status, lapsed.Source));
        Assert.Equal(AuthorizationStatus.Expired, gone.Info.Status);
    }

    [Fact]
    [Trait("Cert", "C-01")]
    public async Task Offline_without_LocalAuthorizeOffline_the_list_does_not_start_but_its_refusals_still_hold()
    {
        Set(CoreKeys.LocalAuthorizeOffline, false);
        Set(CoreKeys.AllowOfflineTxForUnknownId, true);
        _localList.With("LISTED", Accepted).With("BLOCKED", Blocked);

        var listed = await _authorization.AuthorizeAsync("LISTED").OrTimeout();
        var blocked = await _authorization.AuthorizeAsync("BLOCKED").OrTimeout();

        // Without LocalAuthorizeOffline an accepted entry is as good as unknown: AllowOfflineTxForUnknownId lets it through.
        Assert.Equal((true, AuthorizationSource.OfflineUnknown), (listed.IsAccepted, listed.Source));
        Assert.Equal((AuthorizationStatus.Blocked, AuthorizationSource.OfflineRefused), (blocked.Info.Status, blocked.Source));
    }

    [Fact]
    [Trait("Cert", "TC_008_1_CS")]
    public async Task Online_with_LocalPreAuthorize_a_tag_blocked_on_the_list_is_asked_of_the_Central_System_though_the_cache_accepts_it()
    {
        await _harness.GoOnlineAsync();
        Set(CoreKeys.LocalPreAuthorize, true);
        Cache("CARD-1", Accepted);
        _localList.With("CARD-1", Blocked);
        _harness.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = Blocked });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((false, AuthorizationSource.CentralSystem), (result.IsAccepted, result.Source));
        Assert.Equal("CARD-1", (await _harness.CentralSystem.NextCallAsync<AuthorizeRequest>()).IdTag);
    }

    [Fact]
    public async Task The_answer_for_a_listed_tag_is_not_put_into_the_cache()
    {
        await _harness.GoOnlineAsync();
        _localList.With("LISTED", Accepted);

        await _authorization.AuthorizeAsync("listed").OrTimeout();
        await _authorization.AuthorizeAsync("OTHER").OrTimeout();

        Assert.Equal(["OTHER"], _cacheStore.IdTags);
    }

    private void Cache(string idTag, IdTagInfo info) => _authorization.Cache.Remember(idTag, info, _harness.Clock.GetUtcNow());

    private void Set(string key, bool value) =>
        Assert.Equal(ConfigurationStatus.Accepted, _harness.Configuration.Change(key, value ? "true" : "false"));
}
