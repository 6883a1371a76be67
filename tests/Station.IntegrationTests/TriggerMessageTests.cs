using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Configuration;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

public sealed class TriggerMessageTests(ITestOutputHelper output)
{
    public static TheoryData<MessageTrigger, int?> EveryMessage()
    {
        var data = new TheoryData<MessageTrigger, int?>();
        foreach (var message in Enum.GetValues<MessageTrigger>())
        {
            data.Add(message, null);
            data.Add(message, 1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMessage))]
    public async Task Every_message_is_accepted_and_sent_after_the_confirmation(MessageTrigger message, int? connectorId)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var before = session.LastSequence;
        var (answer, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = message, ConnectorId = connectorId });

        Assert.Equal(TriggerMessageStatus.Accepted, answer.Status);
        var triggered = await session.WaitForFrameAsync(before, f => f.IsCall(FrameDirection.Received) && f.Action == message.ToString()).OrTimeout();
        Assert.True(triggered.Sequence > answered, $"{message} was sent before the TriggerMessage.conf");
    }

    [Fact]
    public async Task Status_for_one_connector_reports_that_connector_only()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var (_, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 1 });

        // The triggered status is queued by work after the answer, which may run after the fence's own: wait for it first.
        await session.NextCallAsync<StatusNotificationRequest>(answered);
        await session.FenceAsync();
        var status = Assert.Single(session.CallsAfter<StatusNotificationRequest>(answered));
        Assert.Equal((1, ChargePointStatus.Available), (status.ConnectorId, status.Status));
    }

    [Fact]
    [Trait("Pitfall", "8")]
    public async Task Status_without_connector_reports_every_connector_at_once_despite_the_minimum_status_duration()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            Configuration = new Dictionary<string, string> { [CoreKeys.MinimumStatusDuration] = "30" },
        });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        // No virtual time passes: the reports cannot have waited for MinimumStatusDuration.
        var (_, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification });
        await session.NextCallAsync<StatusNotificationRequest>(answered, s => s.ConnectorId == 0);
        await session.NextCallAsync<StatusNotificationRequest>(answered, s => s.ConnectorId == 1);
        Assert.Equal(VirtualClock.Epoch, harness.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Meter_values_without_connector_cover_the_station_and_every_connector_with_context_trigger()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var (_, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues });
        await session.NextCallAsync<MeterValuesRequest>(answered, v => v.ConnectorId == 1);
        await session.FenceAsync();

        var values = session.CallsAfter<MeterValuesRequest>(answered);
        Assert.Equal([0, 1], values.Select(v => v.ConnectorId));
        Assert.All(values.SelectMany(v => v.MeterValue).SelectMany(v => v.SampledValue), s => Assert.Equal(ReadingContext.Trigger, s.Context));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    [Trait("Cert", "TC_055_CS")]
    public async Task A_connector_that_does_not_exist_is_rejected_and_nothing_is_sent(int connectorId)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var (answer, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = connectorId });
        await session.FenceAsync();

        Assert.Equal(TriggerMessageStatus.Rejected, answer.Status);
        Assert.Empty(session.CallsAfter<MeterValuesRequest>(answered));
    }

    [Fact]
    public async Task Without_file_transfer_the_firmware_management_messages_are_not_implemented()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, ConfigureStation = o => o with { FileTransfer = null } });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var firmware = await session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.FirmwareStatusNotification }).OrTimeout();
        var diagnostics = await session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.DiagnosticsStatusNotification }).OrTimeout();
        var update = await Assert.ThrowsAsync<OcppCallErrorException>(
            () => session.CallAsync(new UpdateFirmwareRequest { Location = new Uri("ftp://127.0.0.1/fw.bin"), RetrieveDate = VirtualClock.Epoch }).OrTimeout());
        var profiles = await session.CallAsync(new GetConfigurationRequest { Key = [CoreKeys.SupportedFeatureProfiles, "SupportedFileTransferProtocols"] }).OrTimeout();

        Assert.Equal(TriggerMessageStatus.NotImplemented, firmware.Status);
        Assert.Equal(TriggerMessageStatus.NotImplemented, diagnostics.Status);
        Assert.Equal(Ocpp16.Framing.OcppErrorCode.NotSupported, update.ErrorCode);
        Assert.Equal("Core,RemoteTrigger,SmartCharging", Assert.Single(profiles.ConfigurationKey!).Value);
        Assert.Equal(["SupportedFileTransferProtocols"], profiles.UnknownKey);
    }

    [Fact]
    [Trait("Pitfall", "2")]
    public async Task Triggered_messages_are_sent_while_the_registration_is_pending()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();
        harness.Csms.Handle(OcppActions.BootNotification, (_, _) => new BootNotificationResponse
        {
            Status = RegistrationStatus.Pending,
            CurrentTime = harness.Clock.GetUtcNow(),
            Interval = 300,
        });
        var (_, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.BootNotification });
        await session.NextCallAsync<BootNotificationRequest>(answered);
        await Eventually.TrueAsync(() => harness.Station.Link.Registration == RegistrationStatus.Pending, "registration Pending");

        var (status, statusAnswered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 1 });
        var (heartbeat, heartbeatAnswered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat });

        Assert.Equal((TriggerMessageStatus.Accepted, TriggerMessageStatus.Accepted), (status.Status, heartbeat.Status));
        Assert.Equal(RegistrationStatus.Pending, harness.Station.Link.Registration);
        await session.NextCallAsync<StatusNotificationRequest>(statusAnswered, s => s.ConnectorId == 1);
        await session.NextCallAsync<HeartbeatRequest>(heartbeatAnswered);
    }
}
