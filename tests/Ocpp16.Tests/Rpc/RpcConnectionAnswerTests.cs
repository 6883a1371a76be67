using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>The peer's CALLs: routing, the CALLERROR code of every refusal, and work after the answer (OCPP-J 1.6 §4.2).</summary>
public sealed class RpcConnectionAnswerTests : IAsyncLifetime
{
    private readonly RpcHarness _rpc = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Call_is_answered_with_the_CallResult_of_its_handler()
    {
        _rpc.Router.Handle(OcppActions.Reset, (request, context, _) =>
            ValueTask.FromResult(new ResetResponse { Status = request.Type == ResetType.Soft && context.MessageId == "r-1" ? ResetStatus.Accepted : ResetStatus.Rejected }));

        await _rpc.SendAsync("""[2,"r-1","Reset",{"type":"Soft"}]""");

        Assert.Equal("""[3,"r-1",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
    }

    [Fact]
    public async Task Call_of_the_peer_is_answered_while_our_own_call_waits_for_its_answer()
    {
        _rpc.Router.Handle(OcppActions.GetLocalListVersion, (_, _, _) => ValueTask.FromResult(new GetLocalListVersionResponse { ListVersion = 42 }));
        var ours = _rpc.Connection.CallAsync(new HeartbeatRequest(), CancellationToken.None);
        var ourId = await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.SendAsync("""[2,"v-1","GetLocalListVersion",{}]""");
        Assert.Equal("""[3,"v-1",{"listVersion":42}]""", await _rpc.ReceiveTextAsync());
        Assert.False(ours.IsCompleted);

        await _rpc.SendAsync($$"""[3,"{{ourId}}",{"currentTime":"2026-11-25T16:27:49.123Z"}]""");
        await ours.OrTimeout();
    }

    [Fact]
    public async Task Unknown_action_is_answered_NotImplemented()
    {
        await _rpc.SendAsync("""[2,"u-1","FooBar",{}]""");

        Assert.Contains("FooBar", await _rpc.ReceiveCallErrorAsync("u-1", "NotImplemented"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_names_are_case_sensitive()
    {
        await _rpc.SendAsync("""[2,"u-2","reset",{"type":"Soft"}]""");

        await _rpc.ReceiveCallErrorAsync("u-2", "NotImplemented");
    }

    [Fact]
    public async Task Known_action_without_a_handler_is_answered_NotSupported()
    {
        await _rpc.SendAsync("""[2,"n-1","ReserveNow",{"connectorId":1,"expiryDate":"2026-11-25T16:57:49.123Z","idTag":"04A2B3C4D5E6F7","reservationId":17}]""");

        await _rpc.ReceiveCallErrorAsync("n-1", "NotSupported");
    }

    [Theory]
    [InlineData("""{}""", "OccurenceConstraintViolation")]
    [InlineData("""{"type":"Soft","delay":5}""", "FormationViolation")]
    [InlineData("""{"type":1}""", "TypeConstraintViolation")]
    [InlineData("""{"type":null}""", "TypeConstraintViolation")]
    [InlineData("""{"type":"soft"}""", "PropertyConstraintViolation")]
    [InlineData("""[]""", "FormationViolation")]
    [InlineData("\"Soft\"", "FormationViolation")]
    public async Task Payload_breaking_the_schema_is_answered_with_the_code_of_the_broken_rule(string payload, string code)
    {
        var handled = false;
        _rpc.Router.Handle(OcppActions.Reset, (_, _, _) =>
        {
            handled = true;
            return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
        });

        await _rpc.SendAsync($"[2,\"p-1\",\"Reset\",{payload}]");

        await _rpc.ReceiveCallErrorAsync("p-1", code);
        Assert.False(handled);
    }

    [Theory]
    [InlineData("""[2,"f-1","Reset"]""", "ProtocolError")]
    [InlineData("""[2,"f-1","Reset",{"type":"Soft"},{}]""", "FormationViolation")]
    [InlineData("""[2,"f-1",{"type":"Soft"}]""", "FormationViolation")]
    [InlineData("""[2,"f-1","Reset",{"type":"So""", "FormationViolation")]
    [InlineData("""[7,"f-1","Reset",{}]""", "FormationViolation")]
    public async Task Malformed_call_with_a_readable_id_is_answered_with_a_CallError(string frame, string code)
    {
        await _rpc.SendAsync(frame);

        await _rpc.ReceiveCallErrorAsync("f-1", code);
    }

    [Fact]
    public async Task Handler_refusing_with_OcppCallErrorException_is_answered_with_its_code_and_description()
    {
        _rpc.Router.Handle(OcppActions.UnlockConnector, (request, _, _) =>
            throw new OcppCallErrorException(OcppErrorCode.PropertyConstraintViolation, $"connector {request.ConnectorId} does not exist"));

        await _rpc.SendAsync("""[2,"h-1","UnlockConnector",{"connectorId":3}]""");

        Assert.Equal("""[4,"h-1","PropertyConstraintViolation","connector 3 does not exist",{}]""", await _rpc.ReceiveTextAsync());
    }

    [Fact]
    public async Task Handler_failing_otherwise_is_answered_InternalError_and_logged_as_an_error()
    {
        _rpc.Router.Handle(OcppActions.UnlockConnector, async (_, _, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("lock motor driver not initialised");
        });

        await _rpc.SendAsync("""[2,"h-2","UnlockConnector",{"connectorId":1}]""");

        var description = await _rpc.ReceiveCallErrorAsync("h-2", "InternalError");
        Assert.DoesNotContain("motor", description, StringComparison.Ordinal);
        var error = Assert.Single(_rpc.TakeErrorLogs());
        Assert.Equal(104, error.Id.Id);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task Handler_answer_that_cannot_be_encoded_is_answered_InternalError_and_logged_as_an_error()
    {
        _rpc.Router.Handle(OcppActions.Reset, (_, _, _) => ValueTask.FromResult(new ResetResponse { Status = (ResetStatus)42 }));

        await _rpc.SendAsync("""[2,"h-3","Reset",{"type":"Hard"}]""");

        await _rpc.ReceiveCallErrorAsync("h-3", "InternalError");
        Assert.Equal(104, Assert.Single(_rpc.TakeErrorLogs()).Id.Id);
    }

    [Theory]
    [InlineData("""[2,"quiet","Reset",{"type":"Soft"}]""")]
    [InlineData("""[2,"quiet","UnlockConnector",{"connectorId":1}]""")]
    [InlineData("""[2,"quiet","Reset",{}]""")]
    [InlineData("""[2,"quiet","FooBar",{}]""")]
    [InlineData("""[2,"quiet","Reset"]""")]
    [InlineData("""[2,"quiet","Reset",{"type":"Soft"}] trailing""")]
    public async Task Nothing_is_answered_while_the_router_is_not_answering(string frame)
    {
        var handled = false;
        _rpc.Router.Handle(OcppActions.Reset, (_, _, _) =>
        {
            handled = true;
            return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
        });
        _rpc.Router.IsAnswering = static () => false;
        var ours = _rpc.Connection.CallAsync(new HeartbeatRequest(), CancellationToken.None);
        var ourId = await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.SendAsync(frame);
        await _rpc.SendAsync($$"""[3,"{{ourId}}",{"currentTime":"2026-11-25T16:27:49.123Z"}]""");
        await ours.OrTimeout();

        // The loop handles frames in order: an answer to the CALL would be on the wire before our call completed.
        Assert.False(_rpc.Peer.TryReceiveText(out var answer), $"answered while not answering: {answer}");
        Assert.False(handled);
    }

    [Fact]
    public async Task Work_after_the_response_runs_once_the_CallResult_is_on_the_wire()
    {
        var seenOnWire = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rpc.Router.Handle(OcppActions.RemoteStartTransaction, (_, context, _) =>
        {
            context.AfterResponse(_ =>
            {
                seenOnWire.TrySetResult(_rpc.Peer.TryReceiveText(out var text) ? text : null);
                return Task.CompletedTask;
            });
            return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
        });

        await _rpc.SendAsync("""[2,"rs-1","RemoteStartTransaction",{"connectorId":1,"idTag":"04A2B3C4D5E6F7"}]""");

        Assert.Equal("""[3,"rs-1",{"status":"Accepted"}]""", await seenOnWire.Task.OrTimeout());
    }

    [Fact]
    public async Task Message_triggered_after_the_response_follows_the_TriggerMessage_answer_on_the_wire()
    {
        var triggered = new TaskCompletionSource<HeartbeatResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rpc.Router.Handle(OcppActions.TriggerMessage, (_, context, _) =>
        {
            context.AfterResponse(async cancellationToken => triggered.SetResult(await _rpc.Connection.CallAsync(new HeartbeatRequest(), cancellationToken)));
            return ValueTask.FromResult(new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted });
        });

        await _rpc.SendAsync("""[2,"t-1","TriggerMessage",{"requestedMessage":"Heartbeat"}]""");

        Assert.Equal("""[3,"t-1",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
        var heartbeatId = await _rpc.ReceiveCallAsync("Heartbeat");
        await _rpc.SendAsync($$"""[3,"{{heartbeatId}}",{"currentTime":"2026-11-25T16:27:49.123Z"}]""");
        Assert.Equal(RpcHarness.Start, (await triggered.Task.OrTimeout()).CurrentTime);
    }

    [Fact]
    public async Task A_call_started_while_a_handler_runs_leaves_after_that_handlers_answer()
    {
        // TC_018_1, SetConnectorUnavailable: the .conf comes before the messages its request causes.
        Task<HeartbeatResponse>? ours = null;
        _rpc.Router.Handle(OcppActions.ChangeAvailability, (_, _, _) =>
        {
            ours = _rpc.Connection.CallAsync(new HeartbeatRequest(), CancellationToken.None);
            return ValueTask.FromResult(new ChangeAvailabilityResponse { Status = AvailabilityStatus.Accepted });
        });

        await _rpc.SendAsync("""[2,"ca-1","ChangeAvailability",{"connectorId":1,"type":"Inoperative"}]""");

        Assert.Equal("""[3,"ca-1",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
        var heartbeatId = await _rpc.ReceiveCallAsync("Heartbeat");
        await _rpc.SendAsync($$"""[3,"{{heartbeatId}}",{"currentTime":"2026-11-25T16:27:49.123Z"}]""");
        await ours!.OrTimeout();
    }

    [Fact]
    public async Task A_call_held_for_a_handler_that_fails_leaves_after_the_CallError()
    {
        Task<HeartbeatResponse>? ours = null;
        _rpc.Router.Handle(OcppActions.UnlockConnector, (_, _, _) =>
        {
            ours = _rpc.Connection.CallAsync(new HeartbeatRequest(), CancellationToken.None);
            throw new OcppCallErrorException(OcppErrorCode.NotSupported, "no lock here");
        });

        await _rpc.SendAsync("""[2,"u-9","UnlockConnector",{"connectorId":1}]""");

        await _rpc.ReceiveCallErrorAsync("u-9", "NotSupported");
        var heartbeatId = await _rpc.ReceiveCallAsync("Heartbeat");
        await _rpc.SendAsync($$"""[3,"{{heartbeatId}}",{"currentTime":"2026-11-25T16:27:49.123Z"}]""");
        await ours!.OrTimeout();
    }

    [Fact]
    public async Task A_call_held_for_a_handler_fails_when_the_connection_closes_meanwhile()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<HeartbeatResponse>? ours = null;
        _rpc.Router.Handle(OcppActions.ClearCache, async (_, _, _) =>
        {
            ours = _rpc.Connection.CallAsync(new HeartbeatRequest(), CancellationToken.None);
            entered.SetResult();
            await release.Task;
            return new ClearCacheResponse { Status = ClearCacheStatus.Accepted };
        });

        await _rpc.SendAsync("""[2,"cc-1","ClearCache",{}]""");
        await entered.Task.OrTimeout();
        await _rpc.Connection.CloseAsync("test closes").OrTimeout();

        await Assert.ThrowsAsync<OcppNotConnectedException>(() => ours!.OrTimeout());
        release.SetResult();
    }

    [Fact]
    public async Task Work_after_the_response_that_fails_is_logged_as_an_error_and_the_connection_stays_up()
    {
        _rpc.Router.Handle(OcppActions.Reset, (request, context, _) =>
        {
            if (request.Type == ResetType.Hard)
            {
                context.AfterResponse(_ => throw new IOException("reboot script missing"));
            }

            return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
        });

        await _rpc.SendAsync("""[2,"x-1","Reset",{"type":"Hard"}]""");
        Assert.Equal("""[3,"x-1",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
        await _rpc.ErrorLogged.OrTimeout();

        var error = Assert.Single(_rpc.TakeErrorLogs());
        Assert.Equal(106, error.Id.Id);
        Assert.IsType<IOException>(error.Exception);
        await _rpc.SendAsync("""[2,"x-2","Reset",{"type":"Soft"}]""");
        Assert.Equal("""[3,"x-2",{"status":"Accepted"}]""", await _rpc.ReceiveTextAsync());
    }

    [Fact]
    public async Task Malformed_frames_never_end_the_receive_loop()
    {
        _rpc.Router.Handle(OcppActions.Reset, (_, _, _) => ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted }));
        string[] garbage =
        [
            "", "not json", "{}", "[]", "[2]", "null", "[2,17,\"Reset\",{}]", """[2,"\uD800","Reset",{}]""", """[2,"g-1","\uDC00",{}]""",
            """[5,"g-2",{}]""", """[3,"g-3"]""", """[4,"g-4"]""", """[3,"g-5",{}]""", """[2,"g-6","Reset",{"type":"\uD800"}]""",
            """[2,"g-7","Reset",{"\uD800":1}]""", new string('[', 10_000),
        ];

        foreach (var frame in garbage)
        {
            await _rpc.SendAsync(frame);
        }

        await _rpc.Peer.SendAsync((byte[])[.. "[2,\""u8, 0xC3, 0x28, .. "\",\"Reset\",{}]"u8]).AsTask().OrTimeout();
        await _rpc.SendAsync("""[2,"alive","Reset",{"type":"Soft"}]""");

        var refused = new List<string>();
        string answer;
        while (!(answer = await _rpc.ReceiveTextAsync()).StartsWith("[3,", StringComparison.Ordinal))
        {
            refused.Add(answer);
        }

        Assert.Equal("""[3,"alive",{"status":"Accepted"}]""", answer);
        Assert.Equal(["g-1", "g-2", "g-6", "g-7"], refused.Select(f => (string)System.Text.Json.Nodes.JsonNode.Parse(f)![1]!));
        Assert.All(refused, f => Assert.StartsWith("[4,", f, StringComparison.Ordinal));
        Assert.False(_rpc.Running.IsCompleted);
        Assert.True(_rpc.Connection.IsOpen);
    }
}
