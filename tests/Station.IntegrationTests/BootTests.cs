using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

public sealed class BootTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_001_CS")]
    public async Task TC_001_CS_Rejected_boot_is_retried_after_the_interval_then_every_connector_is_reported_available()
    {
        var answers = 0;
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) => Interlocked.Increment(ref answers) == 1
                ? new BootNotificationResponse { Status = RegistrationStatus.Rejected, CurrentTime = clock.GetUtcNow(), Interval = 30 }
                : new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow(), Interval = 60 }),
        });

        var session = await harness.WaitForSessionAsync();
        var first = await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.BootNotification)).OrTimeout();
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2400);

        // OCPP 1.6 §4.2: while Rejected the station neither sends nor answers anything.
        using var unanswered = new CancellationTokenSource();
        var probe = session.CallAsync(new GetConfigurationRequest(), unanswered.Token);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 105);
        Assert.False(probe.IsCompleted);
        await unanswered.CancelAsync();

        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(30));
        var second = await session.WaitForFrameAsync(first.Sequence, f => f.IsCall(FrameDirection.Received)).OrTimeout();
        Assert.Equal("BootNotification", second.Action);
        Assert.True(second.Timestamp - first.Timestamp >= TimeSpan.FromSeconds(30));

        var statuses = await AvailableStatusesAsync(session, second.Sequence, connectors: 1);
        Assert.Equal([0, 1], statuses.Select(s => s.ConnectorId).Order());
    }

    [Fact]
    [Trait("Cert", "TC_002_CS")]
    public async Task TC_002_CS_While_pending_the_station_serves_configuration_requests_and_boots_again_after_the_interval()
    {
        var answers = 0;
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) => Interlocked.Increment(ref answers) == 1
                ? new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = clock.GetUtcNow(), Interval = 20 }
                : new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow(), Interval = 60 }),
        });

        var session = await harness.WaitForSessionAsync();
        var pending = await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.BootNotification)).OrTimeout();

        var all = await session.CallAsync(new GetConfigurationRequest()).OrTimeout();
        Assert.Contains(all.ConfigurationKey!, k => k.Key == "MeterValueSampleInterval");
        Assert.Null(all.UnknownKey);
        await session.ConfigureAsync("MeterValueSampleInterval", "30");

        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(20));
        var boot = await session.WaitForFrameAsync(pending.Sequence, f => f.IsCall(FrameDirection.Received)).OrTimeout();
        Assert.Equal("BootNotification", boot.Action);
        await AvailableStatusesAsync(session, boot.Sequence, connectors: 1);

        // Pending allowed nothing of the station's own but the BootNotification.
        Assert.DoesNotContain(
            session.Frames.Where(f => f.Sequence > pending.Sequence && f.Sequence < boot.Sequence && f.IsCall(FrameDirection.Received)),
            f => f.Action != "BootNotification");
        Assert.Equal(30, harness.Station.Configuration.GetInt("MeterValueSampleInterval"));
    }

    [Fact]
    public async Task While_pending_remote_start_and_stop_are_rejected_and_nothing_starts()
    {
        // OCPP 1.6 §4.2: while Pending the Central System may not send RemoteStartTransaction or RemoteStopTransaction.
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) =>
                new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = clock.GetUtcNow(), Interval = 300 }),
        });
        var session = await harness.WaitForSessionAsync();
        var pending = await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.BootNotification)).OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();

        var start = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "RFID_VALID1" }).OrTimeout();
        var stop = await session.CallAsync(new RemoteStopTransactionRequest { TransactionId = 1 }).OrTimeout();

        Assert.Equal((RemoteStartStopStatus.Rejected, RemoteStartStopStatus.Rejected), (start.Status, stop.Status));
        Assert.Null(harness.Station.Transactions.On(1));
        Assert.Null(harness.Station.Transactions.PendingOn(1));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 2322 && e.Message.Contains("RemoteStartTransaction", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 2322 && e.Message.Contains("RemoteStopTransaction", StringComparison.Ordinal));
        Assert.DoesNotContain(session.Frames.Where(f => f.Sequence > pending.Sequence && f.IsCall(FrameDirection.Received)), f => f.Action != "BootNotification");
    }

    [Fact]
    public async Task Heartbeats_follow_the_interval_of_the_boot_answer()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CentralSystem = new() { HeartbeatInterval = 45 } });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        harness.Clock.Advance(TimeSpan.FromSeconds(45));
        var first = await session.WaitForFrameAsync(mark, f => f.Action == "Heartbeat" && f.IsCall(FrameDirection.Received)).OrTimeout();
        harness.Clock.Advance(TimeSpan.FromSeconds(45));
        var second = await session.WaitForFrameAsync(first.Sequence, f => f.Action == "Heartbeat" && f.IsCall(FrameDirection.Received)).OrTimeout();

        Assert.Equal(TimeSpan.FromSeconds(45), second.Timestamp - first.Timestamp);
        Assert.Equal(45, harness.Station.Configuration.GetInt("HeartbeatInterval"));
    }

    [Fact]
    public async Task A_heartbeat_interval_beyond_the_model_range_is_clamped_to_the_range()
    {
        // ORS-7: the TSCT-2007CP supports heartbeats up to 60 s.
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CentralSystem = new() { HeartbeatInterval = 300 } });
        await harness.BootAsync();

        Assert.Equal(60, harness.Station.Configuration.GetInt("HeartbeatInterval"));
    }

    [Fact]
    public async Task A_boot_notification_answered_with_an_error_is_retried()
    {
        var calls = 0;
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) => Interlocked.Increment(ref calls) == 1
                ? throw new OcppCallErrorException(OcppErrorCode.InternalError, "not now")
                : new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow(), Interval = 60 }),
        });

        var session = await harness.WaitForSessionAsync();
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2401);
        await harness.Clock.AdvanceWhenArmedAsync(Station.Boot.BootService.DefaultRetryInterval);

        await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.BootNotification) && f.MessageType == MessageTypeId.CallResult).OrTimeout();
        await AvailableStatusesAsync(session, 0, connectors: 1);
    }

    [Fact]
    [Trait("Cert", "TC_035_CS")]
    public async Task After_the_central_system_drops_the_connection_the_station_reconnects_without_booting_again()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var first = await harness.BootAsync();

        await first.CloseAsync().OrTimeout();
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(1));
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);

        // The registration stands; the Central System learns the present statuses, and heartbeats resume.
        await AvailableStatusesAsync(second, 0, connectors: 1);
        Assert.DoesNotContain(second.Frames, f => f.Action == "BootNotification");

        // Nothing in flight before jumping past the response timeout: an unanswered CALL closes the connection.
        await harness.FlushAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        await second.WaitForFirstCallAsync<HeartbeatRequest>().OrTimeout();
    }

    [Fact]
    public async Task A_triggered_BootNotification_answered_Pending_is_retried_after_the_interval()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var answers = 0;
        harness.Csms.Handle(OcppActions.BootNotification, (_, _) => Interlocked.Increment(ref answers) == 1
            ? new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = harness.Clock.GetUtcNow(), Interval = 25 }
            : new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = harness.Clock.GetUtcNow(), Interval = 60 });
        var mark = session.LastSequence;

        var trigger = await session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.BootNotification }).OrTimeout();
        Assert.Equal(TriggerMessageStatus.Accepted, trigger.Status);
        await session.Next<BootNotificationRequest>(mark);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2400 && e.Message.Contains("Pending", StringComparison.Ordinal));
        var retried = harness.Logs.Count;
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(25));

        await session.CallsAsync<BootNotificationRequest>(mark, 2);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2400 && e.Message.Contains("Accepted", StringComparison.Ordinal), retried);
        Assert.Equal(RegistrationStatus.Accepted, harness.Station.Link.Registration);
    }

    [Theory]
    [InlineData("""[2,"m1","FooBar",{}]""", "NotImplemented")]
    [InlineData("""[2,"m2","BootNotification",{"chargePointVendor":"a","chargePointModel":"b"}]""", "NotSupported")]
    [InlineData("""[2,"m3","ChangeConfiguration",{"key":"HeartbeatInterval"}]""", "OccurenceConstraintViolation")]
    [InlineData("""[2,"m4","Reset",{"type":"Medium"}]""", "PropertyConstraintViolation")]
    [InlineData("""[2,"m5","ChangeAvailability",{"connectorId":"1","type":"Operative"}]""", "TypeConstraintViolation")]
    [InlineData("""[2,"m6","Reset",{"type":"Soft","extra":1}]""", "FormationViolation")]
    [InlineData("""[2,"m7","Reset"]""", "ProtocolError")]
    [InlineData("""[2,"m8","Reset",{"type":"Soft"},{}]""", "FormationViolation")]
    [InlineData("""[2,"m9","UnlockConnector",{"connectorId":1.5}]""", "TypeConstraintViolation")]
    [InlineData("""[2,"m10","RemoteStartTransaction",{"idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}]""", "PropertyConstraintViolation")]
    public async Task A_malformed_call_is_answered_with_its_callerror_and_the_connection_stays_up(string frame, string errorCode)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await session.SendRawAsync(frame).OrTimeout();
        var answer = await session.WaitForFrameAsync(mark, f => f.Direction == FrameDirection.Received && f.MessageType == MessageTypeId.CallError).OrTimeout();
        Assert.Equal(errorCode, answer.ErrorCode);

        var still = await session.CallAsync(new GetConfigurationRequest { Key = ["HeartbeatInterval"] }).OrTimeout();
        Assert.Single(still.ConfigurationKey!);
        Assert.True(session.IsConnected);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"an":"object"}""")]
    [InlineData("""[2]""")]
    [InlineData("""[3,"no-such-call",{}]""")]
    [InlineData("""[4,"no-such-call","InternalError","",{}]""")]
    public async Task A_frame_without_a_usable_id_is_dropped_and_the_connection_stays_up(string frame)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await session.SendRawAsync(frame).OrTimeout();
        var still = await session.CallAsync(new GetConfigurationRequest { Key = ["HeartbeatInterval"] }).OrTimeout();

        Assert.Single(still.ConfigurationKey!);
        Assert.DoesNotContain(session.Frames, f => f.Sequence > mark && f.Direction == FrameDirection.Received && f.MessageType == MessageTypeId.CallError);
    }

    private static async Task<IReadOnlyList<StatusNotificationRequest>> AvailableStatusesAsync(StationSession session, long mark, int connectors)
    {
        var statuses = new List<StatusNotificationRequest>();
        for (var connectorId = 0; connectorId <= connectors; connectorId++)
        {
            statuses.Add(await session.NextStatus(mark, connectorId, ChargePointStatus.Available));
        }

        return statuses;
    }
}
