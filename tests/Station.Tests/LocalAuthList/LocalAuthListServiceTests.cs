using Ocpp16.Messages;
using Station.LocalAuthList;
using Xunit;
using static Station.Tests.LocalAuthList.LocalAuthListPlanTests;

namespace Station.Tests.LocalAuthList;

/// <summary>The list block's service: what it answers, what it stores, what lookups see, enabled or not.</summary>
public sealed class LocalAuthListServiceTests : IAsyncLifetime
{
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET" };

    private readonly LocalListFixture _fixture = new();
    private readonly InMemoryLocalAuthListStore _store = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public void An_accepted_update_is_stored_and_found_case_insensitively()
    {
        var service = _fixture.Service(_store);

        Assert.Equal(UpdateStatus.Accepted, service.Apply(Full(3, ("Card-1", Accepted))));

        Assert.Equal(Accepted, service.Find("CARD-1"));
        Assert.Null(service.Find("CARD-2"));
        Assert.Equal(3, service.ReportedVersion);
        Assert.Equal((3, "Card-1"), (_store.Load().Version, Assert.Single(_store.Load().Entries).IdTag));
    }

    [Fact]
    public void A_new_service_on_the_same_store_has_the_list_as_after_a_reboot()
    {
        _fixture.Service(_store).Apply(Full(3, ("A", Accepted), ("B", Accepted)));
        _fixture.Service(_store).Apply(Differential(4, ("A", null)));

        var rebooted = _fixture.Service(_store);

        Assert.Equal((4, null, Accepted), (rebooted.ReportedVersion, rebooted.Find("A"), rebooted.Find("b")));
    }

    [Fact]
    [Trait("Cert", "TC_043_3_CS")]
    public void A_store_that_fails_gives_Failed_and_the_list_is_unchanged()
    {
        var service = _fixture.Service(_store);
        service.Apply(Full(1, ("A", Accepted)));
        _store.FailWrites = true;

        Assert.Equal(UpdateStatus.Failed, service.Apply(Full(2, ("B", Accepted))));
        Assert.Equal(UpdateStatus.Failed, service.Apply(Differential(2, ("A", null))));

        Assert.Equal((1, Accepted, null), (service.ReportedVersion, service.Find("A"), service.Find("B")));
        Assert.Contains(_fixture.Logs.Entries, e => e.EventId.Id == 2902);
    }

    [Fact]
    [Trait("Cert", "TC_042_1_CS")]
    [Trait("Cert", "TC_043_1_CS")]
    public void Disabled_the_version_is_minus_1_updates_are_NotSupported_and_lookups_find_nothing_but_the_entries_are_kept()
    {
        var service = _fixture.Service(_store);
        service.Apply(Full(2, ("A", Accepted)));

        _fixture.Configuration.Change(LocalAuthListKeys.LocalAuthListEnabled, "false");

        Assert.Equal(-1, service.ReportedVersion);
        Assert.Equal(UpdateStatus.NotSupported, service.Apply(Full(3)));
        Assert.Null(service.Find("A"));

        _fixture.Configuration.Change(LocalAuthListKeys.LocalAuthListEnabled, "true");
        Assert.Equal((2, Accepted), (service.ReportedVersion, service.Find("A")));
    }

    [Fact]
    [Trait("Cert", "TC_042_2_CS")]
    public void An_empty_store_is_version_0_even_if_a_version_was_stored_with_no_entries()
    {
        _store.Replace(9, []);

        Assert.Equal(0, _fixture.Service(_store).ReportedVersion);
    }

    [Fact]
    public void The_keys_are_the_profiles_with_a_read_write_switch_and_read_only_limits_for_thousands_of_cards()
    {
        var keys = LocalAuthListKeys.Definitions.ToDictionary(k => k.Name);

        Assert.All(keys.Values, k => Assert.Equal(FeatureProfile.LocalAuthListManagement, k.Profile));
        Assert.False(keys[LocalAuthListKeys.LocalAuthListEnabled].ReadOnly);
        Assert.True(keys[LocalAuthListKeys.LocalAuthListMaxLength].ReadOnly);
        Assert.True(keys[LocalAuthListKeys.SendLocalListMaxLength].ReadOnly);
        Assert.Equal(("true", "10000", "1000"), (keys["LocalAuthListEnabled"].DefaultValue, keys["LocalAuthListMaxLength"].DefaultValue, keys["SendLocalListMaxLength"].DefaultValue));
    }
}
