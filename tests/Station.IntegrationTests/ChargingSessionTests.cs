using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>Core certification cases of local and remote charging sessions.</summary>
public sealed class ChargingSessionTests(ITestOutputHelper output)
{
    private StationHarnessOptions DetachableOptions(Dictionary<string, string> configuration) => DetachableCableOptions(output.WriteLine, configuration);

    [Fact]
    [Trait("Cert", "TC_003_CS")]
    public async Task TC_003_CS_Plug_in_first_then_card_gives_preparing_authorize_start_and_charging()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        var authorize = await session.Next<AuthorizeRequest>(mark);
        var start = await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Equal(ValidIdTag, authorize.IdTag);
        Assert.Equal(1, start.ConnectorId);
        Assert.Equal(ValidIdTag, start.IdTag);
        Assert.Equal(0, start.MeterStart);
        Assert.Equal(harness.Clock.GetUtcNow(), start.Timestamp);
        Assert.Equal(
            ["StatusNotification", "Authorize", "StartTransaction"],
            session.Frames.Where(f =>
                f.Sequence > mark && f.IsCall(Ocpp16.Rpc.FrameDirection.Received) && f.Action != "StatusNotification"
                || f.Sequence > mark && f.Payload is StatusNotificationRequest { Status: ChargePointStatus.Preparing })
                .Select(f => f.Action).Take(3));
    }
    [Fact]
    [Trait("Cert", "TC_004_1_CS")]
    public async Task TC_004_1_CS_Card_first_then_plug_in_starts_the_transaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValueSampleInterval", "10");
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.Next<AuthorizeRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();

        await session.Next<StartTransactionRequest>(mark, s => s.IdTag == ValidIdTag);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
    }

    [Fact]
    [Trait("Cert", "TC_004_2_CS")]
    public async Task TC_004_2_CS_An_authorization_without_cable_ends_after_ConnectionTimeOut()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("ConnectionTimeOut", "25");
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(25));

        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_068_CS")]
    public async Task TC_068_CS_A_different_card_without_a_shared_group_neither_authorizes_nor_stops()
    {
        // The Central System gives the start tag no parentIdTag here, so a different card cannot belong to its group.
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session, ValidIdTag);
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await harness.FlushAsync();
        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
        Assert.Empty(session.CallsSince<StopTransactionRequest>(mark));

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(ValidIdTag, stop.IdTag);
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.Equal(Reason.Local, stop.Reason);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
    }

    [Fact]
    [Trait("Cert", "TC_069_CS")]
    public async Task TC_069_CS_A_card_of_the_same_group_stops_the_transaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session, ValidIdTag);
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();

        var authorize = await session.Next<AuthorizeRequest>(mark);
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(ValidIdTag2, authorize.IdTag);
        Assert.Equal(ValidIdTag2, stop.IdTag);
        Assert.Equal(transactionId, stop.TransactionId);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
    }

    [Fact]
    [Trait("Cert", "TC_005_2_CS")]
    public async Task TC_005_2_CS_Unplugging_the_EV_stops_the_transaction_when_StopTransactionOnEVSideDisconnect_is_true()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("StopTransactionOnEVSideDisconnect", "true");
        await session.ConfigureAsync("UnlockConnectorOnEVSideDisconnect", "false");
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        // A fixed cable leaves with the EV: Available at once.
        await harness.Hardware.UnplugEvAsync(1).OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.EVDisconnected, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        await session.NextStatus(mark, 1, ChargePointStatus.Available);

        // A fixed cable has nothing to unlock.
        var unlock = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();
        Assert.Equal(UnlockStatus.NotSupported, unlock.Status);
    }

    [Fact]
    [Trait("Cert", "TC_005_2_CS")]
    public async Task TC_005_2_CS_With_a_detachable_cable_the_connector_is_Finishing_and_locked_until_UnlockConnector_and_the_cable_is_removed()
    {
        await using var harness = await StationHarness.StartAsync(DetachableOptions(new() { ["StopTransactionOnEVSideDisconnect"] = "true", ["UnlockConnectorOnEVSideDisconnect"] = "false" }));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.UnplugEvAsync(1).OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal((Reason.EVDisconnected, transactionId), (stop.Reason!.Value, stop.TransactionId));
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
        Assert.True(harness.Hardware.Connector(1)!.Lock!.IsLocked, "UnlockConnectorOnEVSideDisconnect=false keeps the cable locked");
        var unlock = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();
        Assert.Equal(UnlockStatus.Unlocked, unlock.Status);
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        Assert.Equal([ChargePointStatus.Finishing, ChargePointStatus.Available], session.CallsAfter<StatusNotificationRequest>(mark).Select(s => s.Status));
    }

    [Fact]
    [Trait("Cert", "TC_005_3_CS")]
    public async Task TC_005_3_CS_Unplugging_the_EV_suspends_the_transaction_when_StopTransactionOnEVSideDisconnect_is_false()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("StopTransactionOnEVSideDisconnect", "false");
        await session.ConfigureAsync("UnlockConnectorOnEVSideDisconnect", "false");
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.UnplugEvAsync(1).OrTimeout();
        var suspended = await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEV);
        Assert.Equal("EV side disconnected", suspended.Info);
        Assert.Empty(session.CallsSince<StopTransactionRequest>(mark));
        Assert.False(harness.Hardware.Connector(1)!.Contactor.IsClosed);

        var answer = await session.CallAsync(new RemoteStopTransactionRequest { TransactionId = transactionId }).OrTimeout();
        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Remote, stop.Reason);
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
    }

    [Fact]
    [Trait("Cert", "TC_005_3_CS")]
    public async Task TC_005_3_CS_With_a_detachable_cable_the_remote_stop_after_the_EV_left_gives_Finishing_until_the_cable_is_removed()
    {
        await using var harness = await StationHarness.StartAsync(DetachableOptions(new() { ["StopTransactionOnEVSideDisconnect"] = "false", ["UnlockConnectorOnEVSideDisconnect"] = "false" }));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.UnplugEvAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEV);
        Assert.Empty(session.CallsSince<StopTransactionRequest>(mark));
        await session.CallAsync(new RemoteStopTransactionRequest { TransactionId = transactionId }).OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Remote, stop.Reason);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        Assert.Equal(
            [ChargePointStatus.SuspendedEV, ChargePointStatus.Finishing, ChargePointStatus.Available],
            session.CallsAfter<StatusNotificationRequest>(mark).Select(s => s.Status));
    }

    [Fact]
    public async Task An_EV_plugged_back_in_resumes_a_transaction_kept_after_the_EV_side_disconnect()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new Dictionary<string, string> { ["StopTransactionOnEVSideDisconnect"] = "false" }));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEV);
        await harness.Hardware.PlugAsync(1).OrTimeout();

        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.True(harness.Hardware.Connector(1)!.Contactor.IsClosed);
    }

    [Fact]
    [Trait("Cert", "TC_010_CS")]
    public async Task TC_010_CS_Remote_start_with_the_cable_plugged_in_first()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("AuthorizeRemoteTxRequests", "true");
        var mark = session.LastSequence;

        var transactionId = await harness.RemoteStartChargingAsync(session);

        var authorize = await session.Next<AuthorizeRequest>(mark);
        Assert.Equal(ValidIdTag, authorize.IdTag);
        Assert.True(transactionId > 0);
    }

    [Fact]
    [Trait("Cert", "TC_011_1_CS")]
    public async Task TC_011_1_CS_Remote_start_first_then_plug_in()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var configured = await session.CallAsync(new GetConfigurationRequest { Key = ["AuthorizeRemoteTxRequests"] }).OrTimeout();
        Assert.Equal("false", Assert.Single(configured.ConfigurationKey!).Value);
        var mark = session.LastSequence;

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = ValidIdTag }).OrTimeout();
        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();

        await session.Next<StartTransactionRequest>(mark, s => s.IdTag == ValidIdTag && s.ConnectorId == 1);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_011_2_CS")]
    public async Task TC_011_2_CS_A_remote_start_without_cable_times_out()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("ConnectionTimeOut", "40");
        var mark = session.LastSequence;

        await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = ValidIdTag }).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(40));

        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_012_CS")]
    public async Task TC_012_CS_Remote_stop_ends_the_transaction_with_reason_Remote()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        var answer = await session.CallAsync(new RemoteStopTransactionRequest { TransactionId = transactionId }).OrTimeout();

        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Remote, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.Null(stop.IdTag);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
    }

    [Fact]
    [Trait("Cert", "TC_023_CS")]
    [Trait("Cert", "TC_023_4_CS")]
    public async Task TC_023_CS_An_invalid_card_starts_nothing()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MinimumStatusDuration", "10");
        await session.ConfigureAsync("LocalPreAuthorize", "true");
        var mark = session.LastSequence;

        await harness.Hardware.PlugAsync(1).OrTimeout();
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PresentCardAsync(InvalidIdTag).OrTimeout();
        var authorize = await session.Next<AuthorizeRequest>(mark);
        await harness.FlushAsync();

        Assert.Equal(InvalidIdTag, authorize.IdTag);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
        Assert.Equal(ChargePointStatus.Preparing, (await harness.Station.SnapshotAsync()).Connectors[0].Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [Trait("Cert", "TC_026_CS")]
    public async Task TC_026_CS_A_remote_start_on_a_busy_or_missing_connector_is_rejected(int connectorId)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.RemoteStartChargingAsync(session);

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = connectorId, IdTag = ValidIdTag2 }).OrTimeout();

        Assert.Equal(RemoteStartStopStatus.Rejected, answer.Status);
    }

    [Fact]
    [Trait("Cert", "TC_027_CS")]
    public async Task TC_027_CS_A_remote_start_on_connector_0_is_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 0, IdTag = ValidIdTag }).OrTimeout();

        Assert.Equal(RemoteStartStopStatus.Rejected, answer.Status);
    }

    [Fact]
    [Trait("Cert", "TC_028_CS")]
    public async Task TC_028_CS_A_remote_stop_of_an_unknown_transaction_is_rejected_and_the_transaction_goes_on()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        var answer = await session.CallAsync(new RemoteStopTransactionRequest { TransactionId = transactionId + 1000 }).OrTimeout();

        Assert.Equal(RemoteStartStopStatus.Rejected, answer.Status);
        Assert.Equal(transactionId, (await harness.Station.SnapshotAsync()).Connectors[0].TransactionId);
    }

    [Fact]
    [Trait("Cert", "TC_041_CS")]
    public async Task TC_041_CS_A_faulted_connector_starts_no_transaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await harness.Hardware.FaultAsync(1, ChargePointErrorCode.GroundFailure).OrTimeout();
        var faulted = await session.NextStatus(mark, 1, ChargePointStatus.Faulted);
        Assert.Equal(ChargePointErrorCode.GroundFailure, faulted.ErrorCode);
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.FlushAsync();

        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
        await harness.Hardware.ClearFaultAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
    }

    [Fact]
    public async Task The_stop_button_ends_the_transaction_with_reason_Local_and_no_idTag()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.PressStopButtonAsync(1).OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Local, stop.Reason);
        Assert.Null(stop.IdTag);
        Assert.Equal(transactionId, stop.TransactionId);
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
    }

    [Fact]
    public async Task Energy_delivered_while_charging_is_in_the_meter_stop()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        // The 7.4 kW EV is capped by the connector's rating, 32 A at 230 V = 7.36 kW, for half an hour.
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(3680, stop.MeterStop);
    }

    [Fact]
    public async Task An_EV_that_stops_drawing_shows_SuspendedEV_and_charging_again_when_it_resumes()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.SuspendEvAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEV);
        await harness.Hardware.ResumeEvAsync(1).OrTimeout();

        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
    }

    [Fact]
    [Trait("Cert", "TC_023_5_CS")]
    public async Task TC_023_5_CS_A_remote_start_for_an_invalid_idTag_starts_nothing()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["AuthorizeRemoteTxRequests"] = "true", ["ConnectionTimeOut"] = "30" }));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = InvalidIdTag }).OrTimeout();
        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        var authorize = await session.Next<AuthorizeRequest>(mark);
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.FlushAsync();

        Assert.Equal(InvalidIdTag, authorize.IdTag);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
    }

    [Fact]
    public async Task A_remote_start_on_an_inoperative_connector_is_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative }).OrTimeout();

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { IdTag = ValidIdTag }).OrTimeout();

        Assert.Equal(RemoteStartStopStatus.Rejected, answer.Status);
    }
}
