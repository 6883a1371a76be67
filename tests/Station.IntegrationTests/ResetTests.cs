using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>Reset, availability across reboots and power loss.</summary>
public sealed class ResetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ResetType.Hard)]
    [InlineData(ResetType.Soft)]
    [Trait("Cert", "TC_013_CS")]
    [Trait("Cert", "TC_014_CS")]
    public async Task TC_013_014_CS_A_reset_without_transaction_reboots_and_keeps_an_inoperative_connector_unavailable(ResetType type)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        var availability = await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative }).OrTimeout();
        Assert.Equal(AvailabilityStatus.Accepted, availability.Status);
        await session.NextStatus(mark, 1, ChargePointStatus.Unavailable);

        var next = harness.NextInstance;
        var reset = await session.CallAsync(new ResetRequest { Type = type }).OrTimeout();
        Assert.Equal(ResetStatus.Accepted, reset.Status);
        await next.OrTimeout();
        var rebooted = await harness.WaitForSessionAsync(s => s != session && s.IsConnected);
        await rebooted.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        await rebooted.NextStatus(0, 0, ChargePointStatus.Available);
        await rebooted.NextStatus(0, 1, ChargePointStatus.Unavailable);

        var operative = rebooted.LastSequence;
        await rebooted.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Operative }).OrTimeout();
        await rebooted.NextStatus(operative, 1, ChargePointStatus.Available);
    }

    [Theory]
    [InlineData(ResetType.Hard, Reason.HardReset)]
    [InlineData(ResetType.Soft, Reason.SoftReset)]
    [Trait("Cert", "TC_015_CS")]
    [Trait("Cert", "TC_016_CS")]
    public async Task TC_015_016_CS_A_reset_during_a_transaction_stops_it_with_the_reset_reason(ResetType type, Reason reason)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        var next = harness.NextInstance;
        await session.CallAsync(new ResetRequest { Type = type }).OrTimeout();
        await next.OrTimeout();
        var rebooted = await harness.WaitForSessionAsync(s => s != session && s.IsConnected);
        await rebooted.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();

        // The StopTransaction may leave before the reboot or after the new BootNotification.
        var stop = await FirstStopAsync(session, rebooted);
        Assert.Equal(reason, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);

        // The cable is still in: the connector of the former transaction reports Preparing.
        await rebooted.NextStatus(0, 1, ChargePointStatus.Preparing);
        Assert.Equal(2, harness.Instances);
    }

    [Fact]
    [Trait("Cert", "TC_034_CS")]
    public async Task TC_034_CS_An_inoperative_station_is_still_unavailable_after_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Inoperative }).OrTimeout();
        await session.NextStatus(mark, 0, ChargePointStatus.Unavailable);
        await session.NextStatus(mark, 1, ChargePointStatus.Unavailable);

        await harness.PowerCycleAsync();
        var rebooted = await harness.WaitForSessionAsync(s => s != session && s.IsConnected);

        await rebooted.NextStatus(0, 0, ChargePointStatus.Unavailable);
        await rebooted.NextStatus(0, 1, ChargePointStatus.Unavailable);
    }

    [Fact]
    public async Task Inoperative_during_a_transaction_is_scheduled_and_applied_when_it_ends()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        var answer = await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative }).OrTimeout();
        Assert.Equal(AvailabilityStatus.Scheduled, answer.Status);
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        await session.Next<StopTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Unavailable);
    }

    [Fact]
    public async Task Availability_of_an_unknown_connector_is_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 7, Type = AvailabilityType.Inoperative }).OrTimeout();

        Assert.Equal(AvailabilityStatus.Rejected, answer.Status);
    }

    private static async Task<StopTransactionRequest> FirstStopAsync(StationSession before, StationSession after)
    {
        var found = before.CallsSince<StopTransactionRequest>(0);
        return found.Count > 0 ? found[0] : await after.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
    }
}
