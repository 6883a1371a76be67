using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.LocalAuthListConformanceTests;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>The Local Authorization List beyond the certification cases: power loss, offline, groups, expiry, bad input, the snapshot.</summary>
public sealed class LocalAuthListTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "AQ-7.2")]
    public async Task The_list_and_its_version_survive_kill_9_and_a_listed_card_then_starts_offline()
    {
        await using var harness = await StationHarness.StartAsync(
            CertificationOptions(output.WriteLine, new() { ["AuthorizationCacheEnabled"] = "false" }) with { CuttableNetwork = true });
        var session = await harness.BootAsync();
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 6, ValidIdTag, ValidIdTag2));
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Differential, 7, "RFID_LATE"));

        await harness.RestartProcessAsync();
        var rebooted = await harness.BootAsync();
        Assert.Equal(7, await VersionAsync(rebooted));
        Assert.Equal(new LocalAuthListSnapshot(7, 3, true), (await harness.Station.SnapshotAsync().OrTimeout()).LocalAuthList);

        await harness.GoOfflineAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync("rfid_late").OrTimeout();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        var online = await harness.GoOnlineAsync(rebooted);

        var start = await online.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        Assert.Equal("rfid_late", start.IdTag);
    }

    [Fact]
    [Trait("Cert", "TC_069_CS")]
    public async Task A_card_of_the_group_on_the_list_stops_the_groups_transaction_without_Authorize()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(UpdateStatus.Accepted, (await session.CallAsync(new SendLocalListRequest
        {
            ListVersion = 1,
            UpdateType = UpdateType.Full,
            LocalAuthorizationList = [Entry(ValidIdTag2, Accepted with { ParentIdTag = ParentIdTag })],
        }).OrTimeout()).Status);
        var transactionId = await harness.RemoteStartChargingAsync(session, ValidIdTag);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal((transactionId, ValidIdTag2, Reason.Local), (stop.TransactionId, stop.IdTag, stop.Reason ?? Reason.Local));
        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    public async Task An_entry_whose_expiryDate_has_passed_is_stored_but_does_not_start_so_Authorize_is_asked()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, ListOnly));
        var session = await harness.BootAsync();
        var past = harness.Clock.GetUtcNow().AddDays(-1);
        var sent = await session.CallAsync(new SendLocalListRequest
        {
            ListVersion = 1,
            UpdateType = UpdateType.Full,
            LocalAuthorizationList = [Entry(ValidIdTag, Accepted with { ExpiryDate = past })],
        }).OrTimeout();
        Assert.Equal(UpdateStatus.Accepted, sent.Status);
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        Assert.Equal(ValidIdTag, (await session.Next<AuthorizeRequest>(mark)).IdTag);
    }

    [Theory]
    [InlineData("""{"listVersion":-1,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}}]}""", "Failed")]
    [InlineData("""{"listVersion":-5,"updateType":"Full"}""", "Failed")]
    [InlineData("""{"listVersion":0,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}}]}""", "Failed")]
    [InlineData("""{"listVersion":3,"updateType":"Differential"}""", "VersionMismatch")]
    [InlineData("""{"listVersion":-1,"updateType":"Differential","localAuthorizationList":[{"idTag":"A"}]}""", "VersionMismatch")]
    [InlineData(
        """{"listVersion":9,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}},{"idTag":"a","idTagInfo":{"status":"Blocked"}}]}""",
        "Failed")]
    public async Task Requests_the_list_cannot_take_are_answered_with_a_status_and_change_nothing(string payload, string status)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 3, ValidIdTag));
        var mark = session.LastSequence;

        await session.SendRawAsync($"[2,\"bad-list\",\"SendLocalList\",{payload}]").OrTimeout();

        var answer = await session.WaitForFrameAsync(mark, f => f.Direction == Ocpp16.Rpc.FrameDirection.Received && f.MessageType == Ocpp16.Framing.MessageTypeId.CallResult).OrTimeout();
        Assert.Contains($"\"status\":\"{status}\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal(new LocalAuthListSnapshot(3, 1, true), (await harness.Station.SnapshotAsync().OrTimeout()).LocalAuthList);
    }

    [Theory]
    [InlineData("""{"listVersion":2,"updateType":"Partial"}""", "PropertyConstraintViolation")]
    [InlineData("""{"listVersion":"2","updateType":"Full"}""", "TypeConstraintViolation")]
    [InlineData("""{"updateType":"Full"}""", "OccurenceConstraintViolation")]
    [InlineData("""{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTagInfo":{"status":"Accepted"}}]}""", "OccurenceConstraintViolation")]
    [InlineData("""{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{}}]}""", "OccurenceConstraintViolation")]
    [InlineData("""{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTag":"ABCDEFGHIJKLMNOPQRSTU","idTagInfo":{"status":"Accepted"}}]}""", "PropertyConstraintViolation")]
    [InlineData("""{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Stolen"}}]}""", "PropertyConstraintViolation")]
    [InlineData("""{"listVersion":2,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted","expiryDate":"tomorrow"}}]}""", "PropertyConstraintViolation")]
    public async Task Requests_that_break_the_schema_get_the_matching_callerror_and_change_nothing(string payload, string errorCode)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 3, ValidIdTag));
        var mark = session.LastSequence;

        await session.SendRawAsync($"[2,\"bad-list\",\"SendLocalList\",{payload}]").OrTimeout();

        var answer = await session.WaitForFrameAsync(mark, f => f.Direction == Ocpp16.Rpc.FrameDirection.Received && f.MessageType == Ocpp16.Framing.MessageTypeId.CallError).OrTimeout();
        Assert.Equal(errorCode, answer.ErrorCode);
        Assert.Equal(3, await VersionAsync(session));
    }

    [Fact]
    public async Task More_entries_than_SendLocalListMaxLength_or_a_longer_list_than_LocalAuthListMaxLength_fail()
    {
        var model = Station.Model.StationModel.Tsct2007Cp with
        {
            Configuration = new Dictionary<string, Station.Model.ConfigurationKeyModel>(Station.Model.StationModel.Tsct2007Cp.Configuration)
            {
                ["SendLocalListMaxLength"] = new() { Value = "2" },
                ["LocalAuthListMaxLength"] = new() { Value = "3" },
            },
        };
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = model });
        var session = await harness.BootAsync();

        Assert.Equal(UpdateStatus.Failed, await SendAsync(session, UpdateType.Full, 1, "A", "B", "C"));
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 1, "A", "B"));
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Differential, 2, "C"));
        Assert.Equal(UpdateStatus.Failed, await SendAsync(session, UpdateType.Differential, 3, "D"));

        Assert.Equal(new LocalAuthListSnapshot(2, 3, true), (await harness.Station.SnapshotAsync().OrTimeout()).LocalAuthList);
        var keys = await session.CallAsync(new GetConfigurationRequest { Key = ["SendLocalListMaxLength", "LocalAuthListMaxLength", "SupportedFeatureProfiles"] }).OrTimeout();
        Assert.Equal(
            ["3", "2", "Core,LocalAuthListManagement,Reservation,FirmwareManagement,RemoteTrigger,SmartCharging"],
            keys.ConfigurationKey!.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value));
    }
}
