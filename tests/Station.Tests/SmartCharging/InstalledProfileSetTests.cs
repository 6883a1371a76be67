using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;
using static Station.Tests.SmartCharging.Profiles;

namespace Station.Tests.SmartCharging;

/// <summary>The replacement and clearing rules of the installed profile set (§3.13.2, §5.5, §5.16).</summary>
public sealed class InstalledProfileSetTests
{
    private static int[] Ids(InstalledProfileSet set) => [.. set.Select(p => p.Profile.ChargingProfileId)];

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.16.3")]
    public void The_same_chargingProfileId_replaces_wherever_it_was_installed()
    {
        var set = Installed((0, TxDefault(7, (0, 16))), (1, TxDefault(8, (0, 10)).AtLevel(1)));

        var replacement = TxDefault(7, (0, 6)).AtLevel(3);

        var replaced = set.Install(2, replacement);

        Assert.Equal([new InstalledProfile(1, set.ElementAt(1).Profile), new InstalledProfile(2, replacement)], replaced);
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.2, errata")]
    public void The_same_stack_level_and_purpose_on_the_same_connector_replaces()
    {
        var set = Installed((1, TxDefault(1, (0, 20)).AtLevel(3)));

        var replaced = set.Install(1, TxDefault(2, (0, 30)).AtLevel(3));

        Assert.Equal([2], Ids(replaced));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.1")]
    public void The_same_stack_level_and_purpose_on_another_connector_stays()
    {
        var set = Installed((0, TxDefault(1, (0, 20)).AtLevel(3)), (1, StationMax(5, (0, 40)).AtLevel(3)));

        var added = set.Install(1, TxDefault(2, (0, 30)).AtLevel(3)).Install(2, TxDefault(3, (0, 30)).AtLevel(3));

        Assert.Equal([1, 5, 2, 3], Ids(added));
    }

    [Fact]
    public void Another_purpose_at_the_same_stack_level_stays()
    {
        var set = Installed((1, TxDefault(1, (0, 20))));

        Assert.Equal([1, 2], Ids(set.Install(1, Tx(2, (0, 10)))));
    }

    [Fact]
    [Trait("Pitfall", "3")]
    public void After_a_replacement_and_a_clear_the_replaced_profile_does_not_come_back()
    {
        // libocpp#1051: A (level 30) replaced by B (level 30), B cleared: nothing remains, also when rebuilt from storage.
        var set = Installed((1, TxDefault(101, (0, 20)).AtLevel(30))).Install(1, TxDefault(102, (0, 30)).AtLevel(30));

        var cleared = set.Clear(new ClearChargingProfileRequest { Id = 102 }).Profiles;

        Assert.Empty(cleared);
        Assert.Empty(InstalledProfileSet.From(cleared));
        Assert.Equal([102], Ids(InstalledProfileSet.From([new(1, TxDefault(101, (0, 20)).AtLevel(30)), new(1, TxDefault(102, (0, 30)).AtLevel(30))])));
    }

    public static TheoryData<string, ClearChargingProfileRequest, int[]> Clears => new()
    {
        { "everything", new(), [] },
        { "by id", new() { Id = 3 }, [1, 2, 4, 5] },
        { "by id, other fields not consulted", new() { Id = 3, ConnectorId = 2, StackLevel = 7 }, [1, 2, 4, 5] },
        { "by connector 0", new() { ConnectorId = 0 }, [3, 4, 5] },
        { "by connector 1", new() { ConnectorId = 1 }, [1, 2, 5] },
        { "by purpose", new() { ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile }, [1, 4] },
        { "by stack level", new() { StackLevel = 1 }, [1, 4, 5] },
        { "by purpose and stack level (TC_067)", new() { ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile, StackLevel = 0 }, [1, 2, 3, 4] },
        { "by connector and purpose", new() { ConnectorId = 0, ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile }, [1, 3, 4, 5] },
        { "by connector, purpose and stack level", new() { ConnectorId = 1, ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile, StackLevel = 0 }, [1, 2, 3, 5] },
    };

    private static readonly InstalledProfileSet Five = Installed(
        (0, StationMax(1, (0, 40))),
        (0, TxDefault(2, (0, 20)).AtLevel(1)),
        (1, TxDefault(3, (0, 16)).AtLevel(1)),
        (1, Tx(4, (0, 10))),
        (2, TxDefault(5, (0, 8))));

    [Theory]
    [Trait("Spec", "OCPP 1.6 §5.5, §6.13")]
    [MemberData(nameof(Clears))]
    public void Clear_removes_what_matches_all_given_fields(string criteria, ClearChargingProfileRequest request, int[] remaining)
    {
        var outcome = Five.Clear(request);

        Assert.Equal(ClearChargingProfileStatus.Accepted, outcome.Status);
        Assert.Equal(remaining, Ids(outcome.Profiles));
        Assert.Equal(5 - remaining.Length, outcome.Removed.Count);
        Assert.True(outcome.Removed.All(r => !remaining.Contains(r.Profile.ChargingProfileId)), criteria);
    }

    public static TheoryData<string, ClearChargingProfileRequest> Misses => new()
    {
        { "an unknown id", new() { Id = 99 } },
        { "a connector without profiles", new() { ConnectorId = 3 } },
        { "a stack level nobody has", new() { StackLevel = 5 } },
        { "a combination nobody has", new() { ConnectorId = 2, ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile } },
    };

    [Theory]
    [Trait("Spec", "OCPP 1.6 §7.21")]
    [MemberData(nameof(Misses))]
    public void Clear_that_matches_nothing_is_Unknown_and_keeps_everything(string criteria, ClearChargingProfileRequest request)
    {
        var outcome = Five.Clear(request);

        Assert.Equal(ClearChargingProfileStatus.Unknown, outcome.Status);
        Assert.Same(Five, outcome.Profiles);
        Assert.Empty(outcome.Removed);
        Assert.Equal(5, outcome.Profiles.Count);
        Assert.NotNull(criteria);
    }

    [Fact]
    public void Clear_on_an_empty_set_is_Unknown() =>
        Assert.Equal(ClearChargingProfileStatus.Unknown, InstalledProfileSet.Empty.Clear(new ClearChargingProfileRequest()).Status);

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.1")]
    public void The_end_of_a_transaction_removes_the_TxProfiles_of_its_connector_only()
    {
        var set = Installed((1, Tx(1, (0, 10))), (1, Tx(2, (0, 8)).AtLevel(1)), (2, Tx(3, (0, 6))), (1, TxDefault(4, (0, 16))));

        Assert.Equal([3, 4], Ids(set.EndTransaction(1)));
        Assert.Same(set, set.EndTransaction(3));
    }

    [Fact]
    public void Changes_return_a_new_set_and_leave_the_old_one_as_it_was()
    {
        var before = Installed((1, TxDefault(1, (0, 16))));

        var after = before.Install(1, TxDefault(1, (0, 6)));

        Assert.Equal(16m, before.Single().Profile.ChargingSchedule.ChargingSchedulePeriod[0].Limit);
        Assert.Equal(6m, after.Single().Profile.ChargingSchedule.ChargingSchedulePeriod[0].Limit);
    }
}
