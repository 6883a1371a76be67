using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// OCTT lists a .conf before the messages its request causes (TC_018_1, SetConnectorUnavailable,
/// TC_012, TC_044_1, TC_045_1, TC_054): for every handler with side effects, nothing the station
/// sends reaches the Central System between the request and its answer, and the side effect
/// follows the answer. Checked on the built-in Central System's frame record.
/// </summary>
public sealed class AnswerBeforeSideEffectsTests(ITestOutputHelper output)
{
    private StationHarnessOptions Detachable => DetachableCableOptions(output.WriteLine);

    [Fact]
    [Trait("Cert", "TC_013_CS")]
    public async Task ChangeAvailability_is_answered_before_the_StatusNotification_it_causes()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        var answered = await AnsweredFirstAsync(session, new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative });

        await session.NextCallAsync<StatusNotificationRequest>(answered, s => s is { ConnectorId: 1, Status: ChargePointStatus.Unavailable });
    }

    [Fact]
    [Trait("Cert", "TC_018_1_CS")]
    public async Task UnlockConnector_during_a_transaction_is_answered_before_its_StopTransaction_and_Finishing()
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();
        await harness.RemoteStartChargingAsync(session);

        var answered = await AnsweredFirstAsync(session, new UnlockConnectorRequest { ConnectorId = 1 });

        var (stop, _) = await session.NextCallAsync<StopTransactionRequest>(answered);
        await session.NextCallAsync<StatusNotificationRequest>(answered, s => s is { ConnectorId: 1, Status: ChargePointStatus.Finishing });
        Assert.Equal(Reason.UnlockCommand, stop.Reason);
        Assert.False(harness.Hardware.Connector(1)!.Lock!.IsLocked);
    }

    [Fact]
    [Trait("Cert", "TC_017_1_CS")]
    public async Task UnlockConnector_without_a_transaction_is_answered_with_nothing_before_it()
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.FenceAsync();

        await AnsweredFirstAsync(session, new UnlockConnectorRequest { ConnectorId = 1 });

        Assert.False(harness.Hardware.Connector(1)!.Lock!.IsLocked);
    }

    [Fact]
    [Trait("Cert", "TC_010_CS")]
    public async Task RemoteStartTransaction_is_answered_before_the_StartTransaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.FenceAsync();

        var answered = await AnsweredFirstAsync(session, new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = ValidIdTag });

        await session.NextCallAsync<StartTransactionRequest>(answered);
    }

    [Fact]
    [Trait("Cert", "TC_012_CS")]
    public async Task RemoteStopTransaction_is_answered_before_the_StopTransaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        var answered = await AnsweredFirstAsync(session, new RemoteStopTransactionRequest { TransactionId = transactionId });

        await session.NextCallAsync<StopTransactionRequest>(answered, s => s.Reason == Reason.Remote);
    }

    [Fact]
    [Trait("Cert", "TC_016_CS")]
    public async Task Reset_is_answered_before_the_StopTransaction_of_the_reset()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.RemoteStartChargingAsync(session);
        var rebooted = harness.NextInstance;

        var answered = await AnsweredFirstAsync(session, new ResetRequest { Type = ResetType.Soft });

        await session.NextCallAsync<StopTransactionRequest>(answered, s => s.Reason == Reason.SoftReset);
        await rebooted.OrTimeout();
    }

    [Fact]
    [Trait("Cert", "TC_054_CS")]
    public async Task TriggerMessage_is_answered_before_the_triggered_message()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var answered = await AnsweredFirstAsync(session, new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 1 });

        await session.NextCallAsync<StatusNotificationRequest>(answered, s => s.ConnectorId == 1);
    }

    [Fact]
    [Trait("Cert", "TC_021_CS")]
    public async Task ChangeConfiguration_of_the_heartbeat_interval_is_answered_before_the_next_Heartbeat()
    {
        // No key change sends a message at once; the rescheduled Heartbeat still follows the answer.
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var answered = await AnsweredFirstAsync(session, new ChangeConfigurationRequest { Key = "HeartbeatInterval", Value = "10" });
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        await session.NextCallAsync<HeartbeatRequest>(answered);
    }

    [Fact]
    [Trait("Cert", "TC_044_1_CS")]
    public async Task UpdateFirmware_is_answered_before_the_first_FirmwareStatusNotification()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Valid("2.0.0"));
        var session = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        var answered = await AnsweredFirstAsync(session, new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() });

        await session.NextCallAsync<FirmwareStatusNotificationRequest>(answered, n => n.Status == FirmwareStatus.Downloading);
        await rebooted.OrTimeout();
    }

    [Fact]
    [Trait("Cert", "TC_045_1_CS")]
    public async Task GetDiagnostics_is_answered_before_the_first_DiagnosticsStatusNotification()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();

        var answered = await AnsweredFirstAsync(session, new GetDiagnosticsRequest { Location = http.Url("upload") });

        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.Uploading);
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.Uploaded);
    }

    // Sends the CALL and checks that no CALL of the station arrived between it and its answer; returns the answer's position.
    private static async Task<long> AnsweredFirstAsync<TResponse>(StationSession session, IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse
    {
        var before = session.LastSequence;
        var (_, answered) = await session.CallRecordedAsync(request);
        var action = OcppActions.ForRequest(request.GetType()).Name;
        var sent = session.Frames.First(f => f.Sequence > before && f.IsCall(FrameDirection.Sent) && f.Action == action).Sequence;
        var between = session.Frames.Where(f => f.Sequence > sent && f.Sequence < answered && f.IsCall(FrameDirection.Received)).Select(f => f.Action).ToList();
        Assert.True(between.Count == 0, $"the station sent {string.Join(", ", between)} before answering {action}");
        return answered;
    }
}
