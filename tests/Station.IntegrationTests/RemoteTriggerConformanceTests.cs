using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>The Remote Trigger cases of the certification (OCTT, shared/ocpp16/test-cases.md §8).</summary>
public sealed class RemoteTriggerConformanceTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_054_CS")]
    public async Task TC_054_CS_Trigger_message()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        // Each TriggerMessage is answered Accepted before its message is sent.
        var meterValues = await TriggerAsync<MeterValuesRequest>(session, MessageTrigger.MeterValues, 1);
        await TriggerAsync<HeartbeatRequest>(session, MessageTrigger.Heartbeat, null);
        var status = await TriggerAsync<StatusNotificationRequest>(session, MessageTrigger.StatusNotification, 1);
        var diagnostics = await TriggerAsync<DiagnosticsStatusNotificationRequest>(session, MessageTrigger.DiagnosticsStatusNotification, null);
        var firmware = await TriggerAsync<FirmwareStatusNotificationRequest>(session, MessageTrigger.FirmwareStatusNotification, null);

        Assert.Equal(1, meterValues.ConnectorId);
        Assert.Equal((1, ChargePointStatus.Available), (status.ConnectorId, status.Status));
        Assert.Equal(DiagnosticsStatus.Idle, diagnostics.Status);
        Assert.Equal(FirmwareStatus.Idle, firmware.Status);
    }

    [Fact]
    [Trait("Cert", "TC_055_CS")]
    public async Task TC_055_CS_Trigger_message_rejected()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();
        var configuration = await session.CallAsync(new GetConfigurationRequest { Key = [CoreKeys.NumberOfConnectors] }).OrTimeout();
        var connectors = int.Parse(Assert.Single(configuration.ConfigurationKey!).Value!, System.Globalization.CultureInfo.InvariantCulture);

        var (answer, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = connectors + 1 });
        await session.FenceAsync();

        Assert.Equal(TriggerMessageStatus.Rejected, answer.Status);
        Assert.Empty(session.CallsAfter<MeterValuesRequest>(answered));
    }

    private static async Task<T> TriggerAsync<T>(CentralSystem.StationSession session, MessageTrigger message, int? connectorId)
        where T : class, IOcppRequest
    {
        var before = session.LastSequence;
        var (answer, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = message, ConnectorId = connectorId });
        Assert.Equal(TriggerMessageStatus.Accepted, answer.Status);
        var (request, sequence) = await session.NextCallAsync<T>(before);
        Assert.True(sequence > answered, $"{message} came before the TriggerMessage.conf");
        return request;
    }
}
