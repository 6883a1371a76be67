using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.Connectors;
using Station.Model;
using Station.Tests.Support;
using Station.Transactions;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>
/// Which connector a RemoteStartTransaction (OCPP 1.6 §5.11) goes to, and when it is rejected, on
/// a station with three connectors.
/// </summary>
public sealed class RemoteStartTests : IAsyncLifetime
{
    private static readonly StationModel ThreeConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel(), new ConnectorModel()] };

    private SessionHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Model = ThreeConnectors });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Without_a_connector_the_one_with_a_cable_waiting_is_chosen()
    {
        await _harness.Hardware.PlugAsync(3).AsTask().OrTimeout();

        Assert.Equal(3, await AcceptAsync(Request()));
    }

    [Fact]
    public async Task Without_a_connector_and_without_a_cable_the_first_free_connector_is_chosen() =>
        Assert.Equal(1, await AcceptAsync(Request()));

    [Fact]
    public async Task Without_a_connector_busy_faulted_inoperative_finishing_and_waiting_connectors_are_passed_over()
    {
        await _harness.StartTransactionAsync(1, "OTHER");
        await _harness.Hardware.FaultAsync(2, ChargePointErrorCode.GroundFailure).AsTask().OrTimeout();
        await Assert.AllAsync([1, 2], async id => Assert.Null(await AcceptAsync(Request() with { ConnectorId = id })));

        Assert.Equal(3, await AcceptAsync(Request()));

        await _harness.Block.LockedAsync(() => _harness.Transactions.AuthorizeAsync(3, new("WAITING", null)));
        Assert.Null(await AcceptAsync(Request()));
    }

    [Fact]
    public async Task Without_a_connector_a_connector_whose_transaction_just_ended_is_passed_over()
    {
        var transaction = await _harness.StartTransactionAsync(1, "OTHER");
        await _harness.Block.LockedAsync(() => _harness.Transactions.StopAsync(transaction, Reason.Local));
        Assert.Equal(SessionPhase.Finishing, _harness.Connectors[1].Session);

        Assert.Equal(2, await AcceptAsync(Request()));
    }

    [Fact]
    public async Task Without_a_connector_a_plugged_connector_that_cannot_start_is_passed_over()
    {
        await _harness.Hardware.PlugAsync(1).AsTask().OrTimeout();
        await _harness.Block.LockedAsync(() => _harness.Connectors.ChangeAvailability(1, AvailabilityType.Inoperative));
        await _harness.Hardware.PlugAsync(3).AsTask().OrTimeout();

        Assert.Equal(3, await AcceptAsync(Request()));
    }

    [Fact]
    public async Task Without_a_connector_a_station_with_no_free_connector_rejects()
    {
        await _harness.Block.LockedAsync(() => _harness.Connectors.ChangeAvailability(0, AvailabilityType.Inoperative));

        Assert.Null(await AcceptAsync(Request()));
    }

    [Theory]
    [Trait("Cert", "TC_026_CS")]
    [Trait("Cert", "TC_027_CS")]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4)]
    public async Task A_connector_that_does_not_exist_or_is_the_station_rejects(int connectorId) =>
        Assert.Null(await AcceptAsync(Request() with { ConnectorId = connectorId }));

    [Fact]
    public async Task A_named_connector_is_accepted_even_when_another_has_a_cable_waiting()
    {
        await _harness.Hardware.PlugAsync(3).AsTask().OrTimeout();

        Assert.Equal(2, await AcceptAsync(Request() with { ConnectorId = 2 }));
    }

    [Fact]
    public async Task A_named_connector_waiting_for_another_idTag_rejects_but_one_waiting_for_the_same_idTag_accepts()
    {
        await _harness.Block.LockedAsync(() => _harness.Transactions.AuthorizeAsync(2, new("CARD-1", null)));

        Assert.Null(await AcceptAsync(Request() with { ConnectorId = 2, IdTag = "CARD-2" }));
        Assert.Equal(2, await AcceptAsync(Request() with { ConnectorId = 2, IdTag = "card-1" }));
    }

    [Theory]
    [InlineData(ChargingProfilePurposeType.ChargePointMaxProfile)]
    [InlineData(ChargingProfilePurposeType.TxDefaultProfile)]
    public async Task A_charging_profile_that_is_not_a_TxProfile_rejects(ChargingProfilePurposeType purpose) =>
        Assert.Null(await AcceptAsync(Request() with { ChargingProfile = Profile(purpose) }));

    [Fact]
    public async Task A_TxProfile_is_accepted_and_waits_with_the_authorization()
    {
        var request = Request() with { ConnectorId = 2, ChargingProfile = Profile(ChargingProfilePurposeType.TxProfile) };
        Assert.Equal(2, await AcceptAsync(request));

        await _harness.Sessions.RemoteStartAsync(2, request.IdTag, request.ChargingProfile, CancellationToken.None).OrTimeout();

        Assert.Equal(new PendingAuthorization("REMOTE-1", null, request.ChargingProfile), _harness.Transactions.PendingOn(2));
    }

    [Fact]
    [Trait("Cert", "TC_010_CS")]
    public async Task An_accepted_remote_start_on_a_plugged_connector_starts_at_once_without_Authorize()
    {
        await _harness.Hardware.PlugAsync(2).AsTask().OrTimeout();
        var connectorId = (await AcceptAsync(Request()))!.Value;

        await _harness.Sessions.RemoteStartAsync(connectorId, "REMOTE-1", null, CancellationToken.None).OrTimeout();

        Assert.Equal("REMOTE-1", _harness.Transactions.On(2)!.IdTag);
        var start = await _harness.Block.CentralSystem.NextCallOfAsync<StartTransactionRequest>();
        Assert.Equal((2, "REMOTE-1"), (start.ConnectorId, start.IdTag));
    }

    [Fact]
    public async Task With_AuthorizeRemoteTxRequests_a_refused_idTag_prepares_nothing()
    {
        _harness.Block.Configuration.Change(CoreKeys.AuthorizeRemoteTxRequests, "true");
        _harness.Block.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Blocked } });

        await _harness.Sessions.RemoteStartAsync(1, "REMOTE-1", null, CancellationToken.None).OrTimeout();

        Assert.Equal("REMOTE-1", (await _harness.Block.CentralSystem.NextCallOfAsync<AuthorizeRequest>()).IdTag);
        Assert.Null(_harness.Transactions.PendingOn(1));
        Assert.Contains(_harness.Block.Logs.Entries, e => e.EventId.Id == 2317);
    }

    [Fact]
    public async Task With_AuthorizeRemoteTxRequests_an_accepted_idTag_waits_with_its_parent()
    {
        _harness.Block.Configuration.Change(CoreKeys.AuthorizeRemoteTxRequests, "true");
        _harness.Block.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET" } });

        await _harness.Sessions.RemoteStartAsync(1, "REMOTE-1", null, CancellationToken.None).OrTimeout();

        Assert.Equal("FLEET", _harness.Transactions.PendingOn(1)!.ParentIdTag);
    }

    [Fact]
    public async Task A_connector_that_became_unusable_before_the_remote_start_ran_prepares_nothing()
    {
        await _harness.Hardware.FaultAsync(1, ChargePointErrorCode.GroundFailure).AsTask().OrTimeout();

        await _harness.Sessions.RemoteStartAsync(1, "REMOTE-1", null, CancellationToken.None).OrTimeout();

        Assert.Null(_harness.Transactions.PendingOn(1));
    }

    private Task<int?> AcceptAsync(RemoteStartTransactionRequest request) => _harness.Block.LockedAsync(() => _harness.Sessions.AcceptRemoteStart(request));

    private static RemoteStartTransactionRequest Request() => new() { IdTag = "REMOTE-1" };

    private static ChargingProfile Profile(ChargingProfilePurposeType purpose) => new()
    {
        ChargingProfileId = 1,
        StackLevel = 0,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKindType.Relative,
        ChargingSchedule = new ChargingSchedule
        {
            ChargingRateUnit = ChargingRateUnitType.A,
            ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 16 }],
        },
    };
}
