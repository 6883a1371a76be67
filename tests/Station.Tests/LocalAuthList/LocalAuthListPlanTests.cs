using Ocpp16.Messages;
using Station.LocalAuthList;
using Xunit;

namespace Station.Tests.LocalAuthList;

/// <summary>The rules of SendLocalList (OCPP 1.6 §5.15, §7.43) as <see cref="LocalAuthListPlan"/> decides them, without storage.</summary>
public sealed class LocalAuthListPlanTests
{
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };
    private static readonly IdTagInfo Blocked = new() { Status = AuthorizationStatus.Blocked };

    [Fact]
    [Trait("Cert", "TC_042_2_CS")]
    public void A_Full_update_without_entries_empties_the_list_and_its_version_is_0()
    {
        var plan = Plan(Contents(7, ("A", Accepted)), Full(1));

        Assert.Equal(UpdateStatus.Accepted, plan.Status);
        Assert.Equal(0, plan.Result!.Version);
        Assert.Empty(plan.Result.Entries);
    }

    [Fact]
    [Trait("Cert", "TC_043_CS")]
    public void A_Full_update_replaces_every_entry_and_sets_the_version()
    {
        var plan = Plan(Contents(3, ("OLD", Accepted)), Full(4, ("A", Accepted), ("B", Blocked)));

        Assert.Equal(UpdateStatus.Accepted, plan.Status);
        Assert.Equal(4, plan.Result!.Version);
        Assert.Equal(["A", "B"], plan.Result.Entries.Keys.Order());
    }

    [Fact]
    [Trait("Cert", "TC_043_2_CS")]
    public void A_Differential_update_needs_a_version_above_the_current_one()
    {
        var current = Contents(5, ("A", Accepted));

        Assert.Equal(UpdateStatus.VersionMismatch, Plan(current, Differential(5, ("B", Accepted))).Status);
        Assert.Equal(UpdateStatus.VersionMismatch, Plan(current, Differential(4, ("B", Accepted))).Status);
        Assert.Equal(UpdateStatus.VersionMismatch, Plan(current, Differential(-3)).Status);
        Assert.Equal(UpdateStatus.Accepted, Plan(current, Differential(6, ("B", Accepted))).Status);
    }

    [Fact]
    public void A_Differential_entry_without_idTagInfo_removes_the_idTag_whatever_its_case_and_one_with_it_adds_or_replaces()
    {
        var plan = Plan(Contents(1, ("A", Accepted), ("B", Accepted)), Differential(2, ("a", null), ("B", Blocked), ("C", Accepted)));

        Assert.Equal(UpdateStatus.Accepted, plan.Status);
        Assert.Equal(["B", "C"], plan.Result!.Entries.Keys.Order());
        Assert.Equal(AuthorizationStatus.Blocked, plan.Result.Entries["b"].Status);
        Assert.Equal(["a"], plan.Removals);
    }

    [Fact]
    public void A_Differential_that_removes_the_last_entry_leaves_an_empty_list_of_version_0()
    {
        var plan = Plan(Contents(1, ("A", Accepted)), Differential(2, ("A", null)));

        Assert.Equal((UpdateStatus.Accepted, 0), (plan.Status, plan.Result!.Version));
    }

    [Fact]
    public void A_Full_entry_without_idTagInfo_puts_nothing_on_the_list()
    {
        var plan = Plan(LocalAuthListContents.Empty, Full(1, ("A", Accepted), ("B", null)));

        Assert.Equal(["A"], plan.Result!.Entries.Keys.ToArray());
    }

    [Fact]
    [Trait("Cert", "TC_043_3_CS")]
    public void More_entries_than_SendLocalListMaxLength_in_one_request_fail()
    {
        var plan = LocalAuthListPlan.For(LocalAuthListContents.Empty, Full(1, ("A", Accepted), ("B", Accepted), ("C", Accepted)), sendMax: 2, listMax: 10);

        Assert.Equal(UpdateStatus.Failed, plan.Status);
        Assert.Null(plan.Result);
        Assert.Contains("SendLocalListMaxLength", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Cert", "TC_043_3_CS")]
    public void A_resulting_list_longer_than_LocalAuthListMaxLength_fails()
    {
        var current = Contents(1, ("A", Accepted), ("B", Accepted));

        var plan = LocalAuthListPlan.For(current, Differential(2, ("C", Accepted)), sendMax: 10, listMax: 2);
        var replacing = LocalAuthListPlan.For(current, Differential(2, ("A", null), ("C", Accepted)), sendMax: 10, listMax: 2);

        Assert.Equal(UpdateStatus.Failed, plan.Status);
        Assert.Contains("LocalAuthListMaxLength", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(UpdateStatus.Accepted, replacing.Status);
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("card-1", "CARD-1")]
    public void An_idTag_twice_in_one_request_fails_the_whole_request(string first, string second)
    {
        var full = Plan(LocalAuthListContents.Empty, Full(1, (first, Accepted), ("B", Accepted), (second, Blocked)));
        var differential = Plan(Contents(1, ("X", Accepted)), Differential(2, (first, null), (second, Accepted)));

        Assert.Equal((UpdateStatus.Failed, UpdateStatus.Failed), (full.Status, differential.Status));
        Assert.Contains("appears 2 times", full.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_listVersion_fails_a_Full_update(int version)
    {
        Assert.Equal(UpdateStatus.Failed, Plan(LocalAuthListContents.Empty, Full(version, ("A", Accepted))).Status);
        Assert.Equal(UpdateStatus.Failed, Plan(LocalAuthListContents.Empty, Full(version)).Status);
    }

    [Fact]
    public void Version_0_is_the_empty_lists_so_a_list_with_entries_cannot_have_it()
    {
        Assert.Equal(UpdateStatus.Failed, Plan(LocalAuthListContents.Empty, Full(0, ("A", Accepted))).Status);
        Assert.Equal(UpdateStatus.Accepted, Plan(Contents(3, ("A", Accepted)), Full(0)).Status);
    }

    [Fact]
    public void The_idTag_keeps_the_spelling_of_its_latest_update()
    {
        var plan = Plan(Contents(1, ("card-1", Accepted)), Differential(2, ("CARD-1", Blocked)));

        Assert.Equal("CARD-1", Assert.Single(plan.Result!.Entries).Key);
    }

    internal static LocalAuthListContents Contents(int version, params (string IdTag, IdTagInfo Info)[] entries) =>
        LocalAuthListContents.From(new StoredLocalAuthList(version, [.. entries.Select(e => new LocalAuthListEntry(e.IdTag, e.Info))]));

    internal static SendLocalListRequest Full(int version, params (string IdTag, IdTagInfo? Info)[] entries) => Request(UpdateType.Full, version, entries);

    internal static SendLocalListRequest Differential(int version, params (string IdTag, IdTagInfo? Info)[] entries) => Request(UpdateType.Differential, version, entries);

    private static SendLocalListRequest Request(UpdateType type, int version, (string IdTag, IdTagInfo? Info)[] entries) => new()
    {
        ListVersion = version,
        UpdateType = type,
        LocalAuthorizationList = entries.Length == 0 ? null : [.. entries.Select(e => new AuthorizationData { IdTag = e.IdTag, IdTagInfo = e.Info })],
    };

    private static LocalAuthListPlan Plan(LocalAuthListContents current, SendLocalListRequest request) => LocalAuthListPlan.For(current, request, sendMax: 100, listMax: 100);
}
