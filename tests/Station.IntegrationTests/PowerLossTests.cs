using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>AQ-7.2: a transaction interrupted by a power loss is closed after the restart with reason PowerLoss.</summary>
public sealed class PowerLossTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_032_2_CS")]
    public async Task TC_032_2_CS_After_a_power_loss_the_interrupted_transaction_is_stopped_with_PowerLoss_and_its_last_meter_reading()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        await harness.AdvanceAsync(StationHarness.MeterCheckpointInterval + TimeSpan.FromSeconds(10));
        var persisted = harness.TransactionStore.LoadOpen().Single();

        // Readings since the last persisted one are lost with the power, as on a real station.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(2));

        await harness.PowerCycleAsync();
        var rebooted = await harness.BootAsync();
        var stop = await rebooted.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();

        Assert.Equal(Reason.PowerLoss, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.Equal((int)Math.Floor(persisted.LastMeterWh), stop.MeterStop);
        Assert.Equal(persisted.LastMeterAt, stop.Timestamp);
        Assert.Equal(VirtualClock.Epoch + TimeSpan.FromSeconds(60), stop.Timestamp);
        Assert.True(stop.MeterStop > 0);

        // Sent exactly once, and the cable still in the EV makes the connector Preparing.
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        Assert.Single(rebooted.CallsSince<StopTransactionRequest>(0));
        await rebooted.NextStatus(0, 1, ChargePointStatus.Preparing);
    }

    [Fact]
    public async Task A_transaction_started_offline_and_cut_by_a_power_loss_is_started_then_stopped_with_its_assigned_id()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["AllowOfflineTxForUnknownId"] = "true" }) with { CuttableNetwork = true });
        var session = await harness.BootAsync();
        await harness.GoOfflineAsync();
        await harness.Hardware.PresentCardAsync("OFFLINE-1").OrTimeout();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();

        await harness.PowerCycleAsync();
        var online = await harness.GoOnlineAsync(session);

        var start = await online.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        var stop = await online.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        var assigned = (StartTransactionResponse)online.Frames.Single(f => f.IsAnswerTo(OcppActions.StartTransaction)).Payload!;
        Assert.Equal("OFFLINE-1", start.IdTag);
        Assert.Equal(assigned.TransactionId, stop.TransactionId);
        Assert.Equal(Reason.PowerLoss, stop.Reason);
    }

    [Fact]
    public async Task A_reboot_during_an_unanswered_stop_sends_the_stop_again_and_only_once_answered()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var answers = new TaskCompletionSource<StopTransactionResponse>();
        session.Handle(OcppActions.StopTransaction, (_, _, ct) => new ValueTask<StopTransactionResponse>(answers.Task.WaitAsync(ct)));
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.Next<StopTransactionRequest>(mark);
        await harness.PowerCycleAsync();
        var rebooted = await harness.BootAsync();

        var again = await rebooted.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        Assert.Equal(Reason.Local, again.Reason);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        Assert.Single(rebooted.CallsSince<StopTransactionRequest>(0));
    }
}
