using CentralSystem;
using Microsoft.Data.Sqlite;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Storage.Sqlite;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>The Local Auth List Management cases of the certification (OCTT, shared/ocpp16/test-cases.md §5 and §9).</summary>
public sealed class LocalAuthListConformanceTests(ITestOutputHelper output)
{
    internal static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };

    [Fact]
    [Trait("Cert", "TC_042_1_CS")]
    public async Task TC_042_1_CS_Get_local_list_version_while_the_list_is_disabled_is_minus_1()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.CallAsync(new SendLocalListRequest { ListVersion = 3, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry(ValidIdTag)] }).OrTimeout();
        await session.ConfigureAsync("LocalAuthListEnabled", "false");

        var version = await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout();
        var update = await session.CallAsync(new SendLocalListRequest { ListVersion = 4, UpdateType = UpdateType.Full }).OrTimeout();

        Assert.Equal(-1, version.ListVersion);
        Assert.Equal(UpdateStatus.NotSupported, update.Status);
    }

    [Fact]
    [Trait("Cert", "TC_042_2_CS")]
    public async Task TC_042_2_CS_Get_local_list_version_of_an_empty_list_is_0()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        var initial = await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout();
        var update = await session.CallAsync(new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full }).OrTimeout();
        var version = await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout();

        Assert.Equal((0, UpdateStatus.Accepted, 0), (initial.ListVersion, update.Status, version.ListVersion));
    }

    [Fact]
    [Trait("Cert", "TC_043_CS")]
    public async Task TC_043_CS_Send_local_list_Full_then_Differential_and_its_tags_are_authorized_locally()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["LocalPreAuthorize"] = "true" }));
        var session = await harness.BootAsync();

        var full = await session.CallAsync(new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry(ValidIdTag)] }).OrTimeout();
        var differential = await session.CallAsync(new SendLocalListRequest { ListVersion = 2, UpdateType = UpdateType.Differential, LocalAuthorizationList = [Entry(ValidIdTag2)] }).OrTimeout();
        Assert.Equal((UpdateStatus.Accepted, UpdateStatus.Accepted), (full.Status, differential.Status));
        Assert.Equal(2, (await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout()).ListVersion);

        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.Next<StartTransactionRequest>(mark, s => s.IdTag == ValidIdTag2);
        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_043_1_CS")]
    public async Task TC_043_1_CS_Send_local_list_to_a_station_without_the_profile_is_NotSupported()
    {
        var model = Station.Model.StationModel.Tsct2007Cp with { DisabledProfiles = new HashSet<FeatureProfile> { FeatureProfile.LocalAuthListManagement } };
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = model });
        var session = await harness.BootAsync();

        var full = new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry(ValidIdTag)] };
        var update = await Assert.ThrowsAsync<OcppCallErrorException>(() => session.CallAsync(full).OrTimeout());
        var version = await Assert.ThrowsAsync<OcppCallErrorException>(() => session.CallAsync(new GetLocalListVersionRequest()).OrTimeout());
        var keys = await session.CallAsync(new GetConfigurationRequest { Key = ["SupportedFeatureProfiles", "LocalAuthListEnabled"] }).OrTimeout();

        Assert.Equal((OcppErrorCode.NotSupported, OcppErrorCode.NotSupported), (update.ErrorCode, version.ErrorCode));
        Assert.DoesNotContain("LocalAuthListManagement", Assert.Single(keys.ConfigurationKey!).Value!, StringComparison.Ordinal);
        Assert.Equal(["LocalAuthListEnabled"], keys.UnknownKey);
    }

    [Fact]
    [Trait("Cert", "TC_043_2_CS")]
    public async Task TC_043_2_CS_Send_local_list_version_mismatch()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 2, ValidIdTag));
        Assert.Equal(2, await VersionAsync(session));
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Differential, 5, ValidIdTag2));
        Assert.Equal(5, await VersionAsync(session));
        Assert.Equal(UpdateStatus.VersionMismatch, await SendAsync(session, UpdateType.Differential, 4, "RFID_OTHER"));
        Assert.Equal(5, await VersionAsync(session));
    }

    [Fact]
    [Trait("Cert", "TC_043_3_CS")]
    public async Task TC_043_3_CS_Send_local_list_failed_when_the_list_cannot_be_stored_nothing_is_applied()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 1, ValidIdTag));

        // The station's own database refuses the write, as a broken flash would.
        FailListWrites(harness.DataDirectory);
        var failed = await SendAsync(session, UpdateType.Full, 2, ValidIdTag2);

        Assert.Equal(UpdateStatus.Failed, failed);
        Assert.Equal(1, await VersionAsync(session));
        var snapshot = await harness.Station.SnapshotAsync().OrTimeout();
        Assert.Equal(new LocalAuthListSnapshot(1, 1, true), snapshot.LocalAuthList);
    }

    [Fact]
    [Trait("Cert", "TC_008_1_CS")]
    [Trait("Cert", "TC_008_CS")]
    public async Task TC_008_1_CS_A_card_on_the_local_list_starts_without_Authorize()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, ListOnly));
        var session = await harness.BootAsync();
        await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout();
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 1, ValidIdTag));
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();

        var start = await session.Next<StartTransactionRequest>(mark, s => s.IdTag == ValidIdTag);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Equal(1, start.ConnectorId);
        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_008_2_CS")]
    [Trait("Cert", "TC_008_CS")]
    public async Task TC_008_2_CS_A_remote_start_of_an_idTag_on_the_local_list_sends_no_Authorize()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new(ListOnly) { ["AuthorizeRemoteTxRequests"] = "true" }));
        var session = await harness.BootAsync();
        await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout();
        Assert.Equal(UpdateStatus.Accepted, await SendAsync(session, UpdateType.Full, 1, ValidIdTag));
        var mark = session.LastSequence;

        await harness.RemoteStartChargingAsync(session, ValidIdTag);

        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    // TC_008's configuration: LocalPreAuthorize on, the cache off, the list on.
    internal static Dictionary<string, string> ListOnly => new()
    {
        ["LocalPreAuthorize"] = "true",
        ["AuthorizationCacheEnabled"] = "false",
        ["LocalAuthListEnabled"] = "true",
    };

    internal static AuthorizationData Entry(string idTag, IdTagInfo? info = null) => new() { IdTag = idTag, IdTagInfo = info ?? Accepted };

    internal static async Task<UpdateStatus> SendAsync(StationSession session, UpdateType type, int version, params string[] idTags) =>
        (await session.CallAsync(new SendLocalListRequest { ListVersion = version, UpdateType = type, LocalAuthorizationList = [.. idTags.Select(t => Entry(t))] }).OrTimeout()).Status;

    internal static async Task<int> VersionAsync(StationSession session) => (await session.CallAsync(new GetLocalListVersionRequest()).OrTimeout()).ListVersion;

    // A second connection on the station's database makes every insert into the list abort inside the station's own
    // transaction: a Full update has deleted the old entries by then, so only a rollback keeps them.
    internal static void FailListWrites(string dataDirectory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, StationDatabase.FileName), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            CREATE TRIGGER fail_list_insert BEFORE INSERT ON local_auth_list BEGIN SELECT RAISE(ABORT, 'storage failure (test)'); END;
            """;
        command.ExecuteNonQuery();
    }
}
