using Microsoft.Extensions.Logging;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>Our own CALLs: correlation, the single outstanding CALL, timeouts, errors and closing (OCPP-J 1.6 §4).</summary>
public sealed class RpcConnectionCallTests : IAsyncLifetime
{
    private const string CurrentTime = """{"currentTime":"2026-11-25T16:27:49.123Z"}""";

    private readonly RpcHarness _rpc = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Call_is_completed_by_the_CallResult_that_carries_its_message_id()
    {
        var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var text = await _rpc.ReceiveTextAsync();

        var id = (string)System.Text.Json.Nodes.JsonNode.Parse(text)![1]!;
        Assert.Equal($$"""[2,"{{id}}","Heartbeat",{}]""", text);
        Assert.InRange(id.Length, 1, FrameReader.MaxMessageIdLength);
        await _rpc.SendAsync($"[3,\"{id}\",{CurrentTime}]");

        var response = await call.OrTimeout();
        Assert.Equal(RpcHarness.Start, response.CurrentTime);
    }

    [Fact]
    public async Task Every_call_gets_a_message_id_of_its_own()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
            var id = await _rpc.ReceiveCallAsync("Heartbeat");
            await _rpc.SendAsync($"[3,\"{id}\",{CurrentTime}]");
            await call.OrTimeout();
            Assert.True(ids.Add(id), $"message id {id} used twice");
        }
    }

    [Fact]
    public async Task Unanswered_call_times_out_only_when_the_response_timeout_has_elapsed()
    {
        // A send into the in-memory transport completes at once, so the response timer runs before CallAsync returns.
        var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
        await _rpc.ReceiveCallAsync("Heartbeat");

        _rpc.Time.Advance(RpcHarness.ResponseTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        _rpc.Time.Advance(TimeSpan.FromMilliseconds(1));

        var timeout = await Assert.ThrowsAsync<OcppCallTimeoutException>(() => call.OrTimeout());
        Assert.Equal("Heartbeat", timeout.Action);
    }

    [Fact]
    public async Task Answer_arriving_after_the_timeout_is_ignored_and_the_next_call_goes_out()
    {
        var late = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var lateId = await _rpc.ReceiveCallAsync("Heartbeat");
        _rpc.Time.Advance(RpcHarness.ResponseTimeout);
        await Assert.ThrowsAsync<OcppCallTimeoutException>(() => late.OrTimeout());

        await _rpc.SendAsync($"[3,\"{lateId}\",{CurrentTime}]");
        var next = _rpc.Connection.CallAsync(new AuthorizeRequest { IdTag = "04A2B3C4D5E6F7" });
        var nextId = await _rpc.ReceiveCallAsync("Authorize");
        await _rpc.SendAsync($$$"""[3,"{{{nextId}}}",{"idTagInfo":{"status":"Blocked"}}]""");

        Assert.Equal(AuthorizationStatus.Blocked, (await next.OrTimeout()).IdTagInfo.Status);
        Assert.True(_rpc.Connection.IsOpen);
    }

    [Fact]
    public async Task Second_call_goes_on_the_wire_only_after_the_first_is_answered_and_queued_calls_keep_their_order()
    {
        var first = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var second = _rpc.Connection.CallAsync(new StatusNotificationRequest { ConnectorId = 1, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Preparing });
        var third = _rpc.Connection.CallAsync(new AuthorizeRequest { IdTag = "04A2B3C4D5E6F7" });

        var firstId = await _rpc.ReceiveCallAsync("Heartbeat");
        Assert.False(_rpc.Peer.TryReceiveText(out var early), $"sent while a CALL was outstanding: {early}");
        await _rpc.SendAsync($"[3,\"{firstId}\",{CurrentTime}]");
        await first.OrTimeout();

        var secondId = await _rpc.ReceiveCallAsync("StatusNotification");
        Assert.False(_rpc.Peer.TryReceiveText(out early), $"sent while a CALL was outstanding: {early}");
        Assert.False(second.IsCompleted);
        await _rpc.SendAsync($"[3,\"{secondId}\",{{}}]");
        await second.OrTimeout();

        var thirdId = await _rpc.ReceiveCallAsync("Authorize");
        await _rpc.SendAsync($$$"""[3,"{{{thirdId}}}",{"idTagInfo":{"status":"Accepted"}}]""");
        Assert.Equal(AuthorizationStatus.Accepted, (await third.OrTimeout()).IdTagInfo.Status);
    }

    [Fact]
    public async Task Cancelled_call_frees_the_slot_for_the_next_call()
    {
        using var cancel = new CancellationTokenSource();
        var cancelled = _rpc.Connection.CallAsync(new HeartbeatRequest(), cancel.Token);
        await _rpc.ReceiveCallAsync("Heartbeat");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.OrTimeout());

        var next = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var nextId = await _rpc.ReceiveCallAsync("Heartbeat");
        await _rpc.SendAsync($"[3,\"{nextId}\",{CurrentTime}]");
        await next.OrTimeout();
    }

    [Fact]
    public async Task CallError_from_the_peer_fails_the_call_with_its_code_and_description()
    {
        var call = _rpc.Connection.CallAsync(new DataTransferRequest { VendorId = "com.taeseongcontech" });
        var id = await _rpc.ReceiveCallAsync("DataTransfer");

        await _rpc.SendAsync($"[4,\"{id}\",\"NotSupported\",\"DataTransfer is not supported\",{{}}]");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call.OrTimeout());
        Assert.Equal(OcppErrorCode.NotSupported, error.ErrorCode);
        Assert.Equal("NotSupported", error.RawErrorCode);
        Assert.Equal("DataTransfer is not supported", error.Description);
    }

    [Fact]
    public async Task CallError_with_a_code_outside_the_specification_and_no_details_fails_the_call_GenericError()
    {
        var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var id = await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.SendAsync($"[4,\"{id}\",\"VendorBusy\",\"try later\"]");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call.OrTimeout());
        Assert.Equal(OcppErrorCode.GenericError, error.ErrorCode);
        Assert.Equal("VendorBusy", error.RawErrorCode);
        Assert.Equal("try later", error.Description);
    }

    [Fact]
    public async Task Answers_for_an_unknown_message_id_are_ignored_and_the_connection_stays_up()
    {
        var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var id = await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.SendAsync("""[3,"not-our-call",{"currentTime":"2020-01-01T00:00:00.000Z"}]""");
        await _rpc.SendAsync("""[4,"not-our-call","GenericError","stale",{}]""");
        await _rpc.SendAsync($"[3,\"{id}\",{CurrentTime}]");

        Assert.Equal(RpcHarness.Start, (await call.OrTimeout()).CurrentTime);
        Assert.True(_rpc.Connection.IsOpen);
        Assert.Equal(2, _rpc.Logs(LogLevel.Warning).Count(r => r.Id.Id == 102));
    }

    [Theory]
    [InlineData("""{"currentTime":"yesterday"}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData("""{}""", OcppErrorCode.OccurenceConstraintViolation)]
    [InlineData("""{"currentTime":1764088069}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData("""{"currentTime":"2026-11-25T16:27:49.123Z","currentTime":"2026-11-25T16:27:49.123Z"}""", OcppErrorCode.FormationViolation)]
    [InlineData("""[]""", OcppErrorCode.FormationViolation)]
    public async Task Invalid_CallResult_payload_fails_the_call_with_OcppProtocolException(string payload, OcppErrorCode code)
    {
        var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var id = await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.SendAsync($"[3,\"{id}\",{payload}]");

        var error = await Assert.ThrowsAsync<OcppProtocolException>(() => call.OrTimeout());
        Assert.Equal(code, error.Error.Code);
        Assert.True(_rpc.Connection.IsOpen);
        Assert.False(_rpc.Peer.TryReceiveText(out var answer), $"an answer was answered: {answer}");
    }

    [Fact]
    public async Task Malformed_answer_with_a_readable_id_fails_the_call_with_OcppProtocolException()
    {
        var call = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var id = await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.SendAsync($"[3,\"{id}\"]");

        var error = await Assert.ThrowsAsync<OcppProtocolException>(() => call.OrTimeout());
        Assert.Equal(OcppErrorCode.ProtocolError, error.Error.Code);
    }

    [Fact]
    public async Task Peer_closing_fails_the_outstanding_and_the_queued_calls_with_OcppNotConnectedException()
    {
        var outstanding = _rpc.Connection.CallAsync(new HeartbeatRequest());
        var queued = _rpc.Connection.CallAsync(new HeartbeatRequest());
        await _rpc.ReceiveCallAsync("Heartbeat");

        await _rpc.Peer.CloseAsync("Central System restarting");

        await Assert.ThrowsAsync<OcppNotConnectedException>(() => outstanding.OrTimeout());
        await Assert.ThrowsAsync<OcppNotConnectedException>(() => queued.OrTimeout());
        await _rpc.Running.OrTimeout();
        Assert.False(_rpc.Connection.IsOpen);
    }

    [Fact]
    public async Task Call_on_a_closed_connection_fails_at_once_with_OcppNotConnectedException()
    {
        await _rpc.Peer.CloseAsync("gone");
        await _rpc.Running.OrTimeout();

        await Assert.ThrowsAsync<OcppNotConnectedException>(() => _rpc.Connection.CallAsync(new HeartbeatRequest()).OrTimeout());
    }
}
