using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Authorization;
using Station.Configuration;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Authorization;

/// <summary>
/// Whether an identifier may charge (OCPP 1.6 §3.5, §4.1): online through Authorize or, with
/// LocalPreAuthorize, locally; offline through the Local Authorization List and the cache (C-01)
/// or as an unknown identifier (C-02).
/// </summary>
public sealed class AuthorizationServiceTests : IAsyncLifetime
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
    public async Task Online_an_idTag_is_authorized_by_the_Central_System_and_its_answer_cached()
    {
        await _harness.GoOnlineAsync();
        var info = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET", ExpiryDate = _harness.Clock.GetUtcNow().AddDays(1) };
        _harness.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = info });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(new AuthorizationResult("CARD-1", info, AuthorizationSource.CentralSystem), result);
        Assert.Equal("CARD-1", (await _harness.CentralSystem.NextCallAsync<AuthorizeRequest>()).IdTag);
        Assert.Equal(new CachedIdTag("CARD-1", info, _harness.Clock.GetUtcNow()), _cacheStore.Find("CARD-1"));
        Assert.Contains(_harness.Logs.Entries, e => e.EventId.Id == 2250);
    }

    [Fact]
    public async Task Online_a_refusal_is_cached_too()
    {
        await _harness.GoOnlineAsync();
        _harness.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = Blocked });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.False(result.IsAccepted);
        Assert.Equal(AuthorizationStatus.Blocked, _cacheStore.Find("CARD-1")!.Info.Status);
    }

    [Fact]
    [Trait("Cert", "C-04")]
    public async Task Online_nothing_is_cached_while_the_cache_is_disabled()
    {
        await _harness.GoOnlineAsync();
        Disable(CoreKeys.AuthorizationCacheEnabled);

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.True(result.IsAccepted);
        Assert.Empty(_cacheStore.IdTags);
    }

    [Fact]
    public async Task Online_without_LocalPreAuthorize_a_cached_idTag_is_asked_again()
    {
        await _harness.GoOnlineAsync();
        Cache("CARD-1", Accepted);
        _harness.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = Blocked });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((AuthorizationStatus.Blocked, AuthorizationSource.CentralSystem), (result.Info.Status, result.Source));
        Assert.Equal(AuthorizationStatus.Blocked, _cacheStore.Find("CARD-1")!.Info.Status);
    }

    [Fact]
    [Trait("Cert", "TC_007_1_CS")]
    public async Task With_LocalPreAuthorize_an_idTag_accepted_in_the_cache_is_authorized_without_asking()
    {
        await _harness.GoOnlineAsync();
        Enable(CoreKeys.LocalPreAuthorize);
        Cache("CARD-1", Accepted);

        var result = await _authorization.AuthorizeAsync("card-1").OrTimeout();

        Assert.Equal((true, AuthorizationSource.Cache), (result.IsAccepted, result.Source));
        Assert.Empty(await _harness.FlushAsync());
    }

    [Fact]
    public async Task With_LocalPreAuthorize_an_idTag_accepted_in_the_local_list_is_authorized_without_asking()
    {
        await _harness.GoOnlineAsync();
        Enable(CoreKeys.LocalPreAuthorize);
        _localList.With("CARD-1", Accepted with { ParentIdTag = "FLEET" });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((true, AuthorizationSource.LocalList, "FLEET"), (result.IsAccepted, result.Source, result.Info.ParentIdTag));
        Assert.Empty(await _harness.FlushAsync());
    }

    [Theory]
    [InlineData(AuthorizationStatus.Blocked)]
    [InlineData(AuthorizationStatus.Invalid)]
    [InlineData(AuthorizationStatus.Expired)]
    public async Task With_LocalPreAuthorize_an_idTag_cached_as_refused_is_asked_of_the_Central_System(AuthorizationStatus cached)
    {
        await _harness.GoOnlineAsync();
        Enable(CoreKeys.LocalPreAuthorize);
        Cache("CARD-1", new IdTagInfo { Status = cached });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((true, AuthorizationSource.CentralSystem), (result.IsAccepted, result.Source));
        Assert.Equal("CARD-1", (await _harness.CentralSystem.NextCallAsync<AuthorizeRequest>()).IdTag);
    }

    [Fact]
    public async Task With_LocalPreAuthorize_an_expired_cache_entry_is_asked_of_the_Central_System()
    {
        await _harness.GoOnlineAsync();
        Enable(CoreKeys.LocalPreAuthorize);
        Cache("CARD-1", Accepted with { ExpiryDate = _harness.Clock.GetUtcNow().AddMinutes(5) });
        await _harness.AdvanceAsync(TimeSpan.FromMinutes(5));

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(AuthorizationSource.CentralSystem, result.Source);
        await _harness.CentralSystem.NextCallAsync<AuthorizeRequest>();
    }

    [Fact]
    public async Task Online_an_Authorize_answered_with_a_CALLERROR_refuses_even_an_unknown_idTag_AllowOfflineTxForUnknownId_would_let_through()
    {
        // The Central System is reachable and did not authorize: the offline rules do not apply.
        await _harness.GoOnlineAsync();
        Enable(CoreKeys.AllowOfflineTxForUnknownId);
        _harness.CentralSystem.Answer<AuthorizeRequest, AuthorizeResponse>(OcppActions.Authorize, _ => throw new OcppCallErrorException(OcppErrorCode.InternalError, "database down"));

        var result = await _authorization.AuthorizeAsync("STRANGER").OrTimeout();

        Assert.Equal(new AuthorizationResult("STRANGER", new IdTagInfo { Status = AuthorizationStatus.Invalid }, AuthorizationSource.CentralSystemError), result);
        Assert.Contains(_harness.Logs.Entries, e => e.EventId.Id == 2253 && e.Message.Contains("database down", StringComparison.Ordinal));
        Assert.Empty(_cacheStore.IdTags);
    }

    [Fact]
    public async Task Online_an_Authorize_answered_with_a_CALLERROR_refuses_a_cached_idTag_when_LocalPreAuthorize_is_off()
    {
        await _harness.GoOnlineAsync();
        Cache("CARD-1", Accepted);
        _harness.CentralSystem.Answer<AuthorizeRequest, AuthorizeResponse>(OcppActions.Authorize, _ => throw new OcppCallErrorException(OcppErrorCode.InternalError, "database down"));

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((false, AuthorizationSource.CentralSystemError), (result.IsAccepted, result.Source));
        Assert.Equal(AuthorizationStatus.Accepted, _cacheStore.Find("CARD-1")!.Info.Status);
    }

    [Fact]
    public async Task Online_with_LocalPreAuthorize_a_cached_idTag_starts_without_asking_so_a_failing_Central_System_does_not_matter()
    {
        await _harness.GoOnlineAsync();
        Enable(CoreKeys.LocalPreAuthorize);
        Cache("CARD-1", Accepted);
        _harness.CentralSystem.Answer<AuthorizeRequest, AuthorizeResponse>(OcppActions.Authorize, _ => throw new OcppCallErrorException(OcppErrorCode.InternalError, "database down"));

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((true, AuthorizationSource.Cache), (result.IsAccepted, result.Source));
        Assert.Empty(_harness.CentralSystem.TakeCalls());
    }

    [Fact]
    public async Task While_the_registration_is_pending_no_Authorize_is_sent()
    {
        await _harness.GoOnlineAsync();
        _harness.Link.SetRegistration(RegistrationStatus.Pending);
        Enable(CoreKeys.AllowOfflineTxForUnknownId);

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(AuthorizationSource.OfflineUnknown, result.Source);
        Assert.Empty(_harness.CentralSystem.TakeCalls());
    }

    [Fact]
    [Trait("Cert", "C-01")]
    public async Task Offline_an_idTag_accepted_in_the_cache_is_authorized_with_LocalAuthorizeOffline()
    {
        Cache("CARD-1", Accepted with { ParentIdTag = "FLEET" });

        var result = await _authorization.AuthorizeAsync("Card-1").OrTimeout();

        Assert.Equal((true, AuthorizationSource.Cache, "FLEET"), (result.IsAccepted, result.Source, result.Info.ParentIdTag));
    }

    [Fact]
    [Trait("Cert", "C-01")]
    public async Task Offline_the_cache_is_not_used_without_LocalAuthorizeOffline()
    {
        Disable(CoreKeys.LocalAuthorizeOffline);
        Cache("CARD-1", Accepted);

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(new AuthorizationResult("CARD-1", new IdTagInfo { Status = AuthorizationStatus.Invalid }, AuthorizationSource.OfflineRefused), result);
    }

    [Fact]
    [Trait("Cert", "C-01")]
    public async Task Offline_a_cache_entry_past_its_expiry_date_is_expired()
    {
        Cache("CARD-1", Accepted with { ExpiryDate = _harness.Clock.GetUtcNow().AddHours(1) });
        var before = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        await _harness.AdvanceAsync(TimeSpan.FromHours(1));
        var at = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(AuthorizationStatus.Accepted, before.Info.Status);
        Assert.Equal((AuthorizationStatus.Expired, AuthorizationSource.Cache), (at.Info.Status, at.Source));
        Assert.Equal(AuthorizationStatus.Accepted, _cacheStore.Find("CARD-1")!.Info.Status);
    }

    [Fact]
    public async Task An_expiry_date_does_not_turn_a_refusal_into_another_refusal()
    {
        Cache("CARD-1", Blocked with { ExpiryDate = _harness.Clock.GetUtcNow().AddHours(-1) });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(AuthorizationStatus.Blocked, result.Info.Status);
    }

    [Fact]
    [Trait("Cert", "C-02")]
    public async Task Offline_an_unknown_idTag_is_accepted_with_AllowOfflineTxForUnknownId()
    {
        Enable(CoreKeys.AllowOfflineTxForUnknownId);

        var result = await _authorization.AuthorizeAsync("STRANGER").OrTimeout();

        Assert.Equal(new AuthorizationResult("STRANGER", Accepted, AuthorizationSource.OfflineUnknown), result);
    }

    [Fact]
    [Trait("Cert", "C-02")]
    public async Task Offline_an_unknown_idTag_is_invalid_without_AllowOfflineTxForUnknownId()
    {
        var result = await _authorization.AuthorizeAsync("STRANGER").OrTimeout();

        Assert.Equal(new AuthorizationResult("STRANGER", new IdTagInfo { Status = AuthorizationStatus.Invalid }, AuthorizationSource.OfflineRefused), result);
    }

    [Theory]
    [Trait("Cert", "C-02")]
    [InlineData(AuthorizationStatus.Blocked, true)]
    [InlineData(AuthorizationStatus.Blocked, false)]
    [InlineData(AuthorizationStatus.Invalid, true)]
    [InlineData(AuthorizationStatus.Invalid, false)]
    [InlineData(AuthorizationStatus.ConcurrentTx, false)]
    public async Task Offline_an_idTag_known_to_be_refused_never_passes_as_unknown(AuthorizationStatus status, bool localAuthorizeOffline)
    {
        Enable(CoreKeys.AllowOfflineTxForUnknownId);
        Set(CoreKeys.LocalAuthorizeOffline, localAuthorizeOffline);
        Cache("CARD-1", new IdTagInfo { Status = status });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(status, result.Info.Status);
        Assert.Equal(localAuthorizeOffline ? AuthorizationSource.Cache : AuthorizationSource.OfflineRefused, result.Source);
    }

    [Fact]
    [Trait("Cert", "C-02")]
    public async Task Offline_an_idTag_whose_cache_entry_expired_never_passes_as_unknown()
    {
        Enable(CoreKeys.AllowOfflineTxForUnknownId);
        Disable(CoreKeys.LocalAuthorizeOffline);
        Cache("CARD-1", Accepted with { ExpiryDate = _harness.Clock.GetUtcNow() });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((AuthorizationStatus.Expired, AuthorizationSource.OfflineRefused), (result.Info.Status, result.Source));
    }

    [Fact]
    public async Task The_local_list_prevails_over_the_cache()
    {
        Cache("CARD-1", Accepted);
        _localList.With("CARD-1", Blocked);

        var found = _authorization.FindLocally("CARD-1");
        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal(new AuthorizationResult("CARD-1", Blocked, AuthorizationSource.LocalList), found);
        Assert.Equal(found, result);
    }

    [Fact]
    public async Task A_local_list_entry_past_its_expiry_date_is_expired()
    {
        _localList.With("CARD-1", Accepted with { ExpiryDate = _harness.Clock.GetUtcNow().AddSeconds(-1) });

        var result = await _authorization.AuthorizeAsync("CARD-1").OrTimeout();

        Assert.Equal((AuthorizationStatus.Expired, AuthorizationSource.LocalList), (result.Info.Status, result.Source));
    }

    [Fact]
    public void The_local_list_is_used_while_the_cache_is_disabled()
    {
        Disable(CoreKeys.AuthorizationCacheEnabled);
        Cache("CACHED", Accepted);
        _localList.With("LISTED", Accepted);

        Assert.Null(_authorization.FindLocally("CACHED"));
        Assert.Equal(AuthorizationSource.LocalList, _authorization.FindLocally("LISTED")!.Source);
    }

    [Fact]
    [Trait("Cert", "C-04")]
    public void Answers_are_remembered_only_while_the_cache_is_enabled()
    {
        _authorization.Remember("A", Accepted);
        Disable(CoreKeys.AuthorizationCacheEnabled);
        _authorization.Remember("B", Accepted);

        Assert.Equal(["A"], _cacheStore.IdTags);
    }

    [Fact]
    [Trait("Cert", "TC_061_CS")]
    public void ClearCache_forgets_every_idTag()
    {
        Cache("A", Accepted);
        Cache("B", Blocked);

        _authorization.ClearCache();

        Assert.Null(_authorization.FindLocally("A"));
        Assert.Empty(_cacheStore.IdTags);
        Assert.Contains(_harness.Logs.Entries, e => e.EventId.Id == 2252);
    }

    private void Cache(string idTag, IdTagInfo info) => _authorization.Cache.Remember(idTag, info, _harness.Clock.GetUtcNow());

    private void Enable(string key) => Set(key, true);

    private void Disable(string key) => Set(key, false);

    private void Set(string key, bool value) =>
        Assert.Equal(ConfigurationStatus.Accepted, _harness.Configuration.Change(key, value ? "true" : "false"));
}
