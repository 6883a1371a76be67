using CentralSystem.Tests.Support;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace CentralSystem.Tests;

public sealed class SessionCallTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync();

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Call_to_a_station_returns_its_answer_and_records_both_frames()
    {
        var router = new CallRouter().Handle(OcppActions.RemoteStartTransaction, (request, _, _) =>
            ValueTask.FromResult(new RemoteStartTransactionResponse { Status = request.IdTag == "X" ? RemoteStartStopStatus.Accepted : RemoteStartStopStatus.Rejected }));
        var (_, session) = await _csms.ConnectWithSessionAsync("cp001", router);
        _csms.Time.Advance(TimeSpan.FromSeconds(3));

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { IdTag = "X", ConnectorId = 1 }).Bounded();

        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        var frames = session.Frames;
        Assert.Equal(2, frames.Count);
        var (call, result) = (frames[0], frames[1]);
        Assert.Equal((1L, FrameDirection.Sent, MessageTypeId.Call, "RemoteStartTransaction"), (call.Sequence, call.Direction, call.MessageType!.Value, call.Action));
        Assert.Equal(new RemoteStartTransactionRequest { IdTag = "X", ConnectorId = 1 }, call.Payload);
        Assert.Equal((2L, FrameDirection.Received, MessageTypeId.CallResult, "RemoteStartTransaction"), (result.Sequence, result.Direction, result.MessageType!.Value, result.Action));
        Assert.Equal(call.MessageId, result.MessageId);
        Assert.Equal(answer, result.Payload);
        Assert.Equal(TestCentralSystem.Start.AddSeconds(3), call.Timestamp);
        Assert.Equal($$"""[3,"{{call.MessageId}}",{"status":"Accepted"}]""", result.Text);
    }

    [Fact]
    public async Task Callerror_from_the_station_is_thrown_to_the_caller()
    {
        var (_, session) = await _csms.ConnectWithSessionAsync("cp001");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => session.CallAsync(new ResetRequest { Type = ResetType.Soft }).Bounded());

        Assert.Equal(OcppErrorCode.NotSupported, error.ErrorCode);
        Assert.Equal(("Reset", "NotSupported"), (session.Frames[^1].Action, session.Frames[^1].ErrorCode));
    }

    [Fact]
    public async Task Call_after_the_station_left_fails_as_not_connected()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        await chargePoint.DisposeAsync();
        await session.WaitForDisconnectAsync().Bounded();

        await Assert.ThrowsAsync<OcppNotConnectedException>(() => session.CallAsync(new ClearCacheRequest()).Bounded());
    }

    [Fact]
    public async Task Send_raw_injects_the_text_unchanged_and_records_the_station_answer_under_its_action()
    {
        var router = new CallRouter().Handle(OcppActions.Reset, (_, _, _) => ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted }));
        var (_, session) = await _csms.ConnectWithSessionAsync("cp001", router);
        const string Raw = """[2,"raw-1","Reset",{"type":"Sideways"}]""";

        var answer = session.WaitForFrameAsync(frame => frame.Direction == FrameDirection.Received && frame.MessageId == "raw-1");
        await session.SendRawAsync(Raw).Bounded();

        var error = await answer.Bounded();
        Assert.Equal((MessageTypeId.CallError, "Reset", "PropertyConstraintViolation"), (error.MessageType!.Value, error.Action, error.ErrorCode));
        var sent = session.Frames[0];
        Assert.Equal((Raw, FrameDirection.Sent, "Reset"), (sent.Text, sent.Direction, sent.Action));
        Assert.Null(sent.Payload);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, sent.PayloadError?.Code);
    }

    [Fact]
    public async Task Send_raw_of_broken_json_is_recorded_as_malformed_and_answered_formation_violation()
    {
        var (_, session) = await _csms.ConnectWithSessionAsync("cp001");

        var answer = session.WaitForFrameAsync(frame => frame.Direction == FrameDirection.Received);
        await session.SendRawAsync("""[2,"raw-2","Heartbeat",{""").Bounded();

        Assert.Equal("FormationViolation", (await answer.Bounded()).ErrorCode);
        Assert.NotNull(session.Frames[0].FrameError);
    }

    [Fact]
    public async Task Send_raw_after_the_station_left_fails_as_not_connected()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        await chargePoint.DisposeAsync();
        await session.WaitForDisconnectAsync().Bounded();

        await Assert.ThrowsAsync<OcppNotConnectedException>(() => session.SendRawAsync("[2,\"x\",\"Heartbeat\",{}]").Bounded());
    }

    [Fact]
    public async Task Malformed_call_from_a_station_gets_the_right_callerror_and_a_log_line_naming_the_station()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");

        var answer = session.WaitForFrameAsync(frame => frame.Direction == FrameDirection.Sent);
        await chargePoint.SendRawAsync("""[2,"x1","StartTransaction",{"connectorId":1}]""");

        var error = await answer.Bounded();
        Assert.Equal(("x1", "StartTransaction", "OccurenceConstraintViolation"), (error.MessageId, error.Action, error.ErrorCode));
        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, session.Frames[0].PayloadError?.Code);
        Assert.True(_csms.Logged("[cp001] Refused CALL StartTransaction x1 (OccurenceConstraintViolation)"));
    }
}
