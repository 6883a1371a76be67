using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>The StopTransaction reasons not covered by the session cases: PowerLoss before going down, EmergencyStop, Other, and C-03.</summary>
public sealed class StopReasonTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_032_1_CS")]
    public async Task TC_032_1_CS_On_backup_power_the_station_stops_its_transaction_before_going_down()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.FailMainsPowerAsync().OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.PowerLoss, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);

        await harness.PowerCycleAsync();
        var rebooted = await harness.BootAsync();
        await rebooted.NextStatus(0, 1, ChargePointStatus.Preparing);
        Assert.Empty(rebooted.CallsSince<StopTransactionRequest>(0));
    }

    [Fact]
    public async Task The_emergency_stop_ends_every_transaction_and_takes_the_station_out_of_service_until_released()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.PressEmergencyStopAsync().OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.EmergencyStop, stop.Reason);
        var faulted = await session.NextStatus(mark, 1, ChargePointStatus.Faulted);
        Assert.Equal(ChargePointErrorCode.OtherError, faulted.ErrorCode);
        await session.NextStatus(mark, 0, ChargePointStatus.Faulted);
        Assert.False(harness.Hardware.Connector(1)!.Contactor.IsClosed);

        await harness.Hardware.ReleaseEmergencyStopAsync().OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
        await session.NextStatus(mark, 0, ChargePointStatus.Available);
    }

    [Fact]
    public async Task An_orderly_shutdown_ends_the_transaction_with_reason_Reboot()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Station.ShutDownAsync().OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Reboot, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.Empty(harness.TransactionStore.LoadOpen());
    }

    [Fact]
    public async Task A_fault_during_a_transaction_ends_it_with_reason_Other()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.FaultAsync(1, ChargePointErrorCode.OverCurrentFailure, "overcurrent").OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Other, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        var faulted = await session.NextStatus(mark, 1, ChargePointStatus.Faulted);
        Assert.Equal("overcurrent", faulted.Info);
    }

    [Fact]
    [Trait("Cert", "C-03")]
    public async Task With_MaxEnergyOnInvalidId_the_station_delivers_that_much_more_then_suspends()
    {
        const string revoked = "RFID_LATE_REVOKE";
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["StopTransactionOnInvalidId"] = "false",
            ["MaxEnergyOnInvalidId"] = "50",
            ["MeterValueSampleInterval"] = "0",
        }) with
        {
            ScriptCentralSystem = (csms, _) =>
            {
                csms.Handle(OcppActions.Authorize, (_, _) => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } });
                csms.Handle(
                    OcppActions.StartTransaction,
                    (_, _) => new StartTransactionResponse { TransactionId = csms.NextTransactionId(), IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid } });
            },
        });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(revoked).OrTimeout();
        await session.Next<StartTransactionRequest>(mark);
        await harness.TransactionIdAsync();

        // 50 Wh at 7.36 kW take 24.46 s: still charging after 20 s, suspended right when the allowance is spent.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ChargePointStatus.Charging, (await harness.Station.SnapshotAsync()).Connectors[0].Status);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEVSE);
        Assert.False(harness.Hardware.Connector(1)!.Contactor.IsClosed);
        Assert.InRange(harness.Hardware.Connector(1)!.EnergyWh, 50, 51);
        Assert.Empty(session.CallsSince<StopTransactionRequest>(mark));
    }
}
