using System.Net;
using CentralSystem.Tests.Support;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace CentralSystem.Tests.Api;

/// <summary><c>POST /stations/{id}/calls/{Action}</c> over a real loopback WebSocket to a scripted charge point.</summary>
public sealed class CallApiTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task A_call_answers_200_with_the_stations_CALLRESULT_payload_after_sending_the_body_as_the_payload()
    {
        var router = new CallRouter().Handle(OcppActions.RemoteStartTransaction, (request, _, _) =>
            ValueTask.FromResult(new RemoteStartTransactionResponse { Status = request.IdTag == "APP1" ? RemoteStartStopStatus.Accepted : RemoteStartStopStatus.Rejected }));
        var (_, session) = await _csms.ConnectWithSessionAsync("CP001", router);

        var answer = await _csms.Api.PostAsync("stations/CP001/calls/RemoteStartTransaction", """{"idTag": "APP1", "connectorId": 1}""");

        Assert.Equal("""{"status":"Accepted"}""", answer.Ok().GetRawText());
        var call = Assert.Single(session.Frames, frame => frame.IsCall(FrameDirection.Sent));
        Assert.Equal(new RemoteStartTransactionRequest { IdTag = "APP1", ConnectorId = 1 }, call.Payload);
    }

    [Fact]
    public async Task A_CALLERROR_answers_502_with_the_stations_code_and_description()
    {
        var router = new CallRouter().Handle(OcppActions.Reset, (ResetRequest _, IncomingCallContext _, CancellationToken _) =>
            ValueTask.FromException<ResetResponse>(new OcppCallErrorException(OcppErrorCode.NotSupported, "resets are off today")));
        await _csms.ConnectWithSessionAsync("CP001", router);

        var answer = await _csms.Api.PostAsync("stations/CP001/calls/Reset", """{"type": "Hard"}""");

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal(("NotSupported", "resets are off today"), (answer.Json.GetProperty("error").GetString(), answer.Json.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_answers_504_and_frees_the_station_for_the_next_call()
    {
        var release = new TaskCompletionSource<ClearCacheResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var router = new CallRouter()
            .Handle(OcppActions.ClearCache, (ClearCacheRequest _, IncomingCallContext _, CancellationToken _) => new ValueTask<ClearCacheResponse>(release.Task))
            .Handle(
                OcppActions.GetLocalListVersion,
                (GetLocalListVersionRequest _, IncomingCallContext _, CancellationToken _) => ValueTask.FromResult(new GetLocalListVersionResponse { ListVersion = 4 }));
        var (_, session) = await _csms.ConnectWithSessionAsync("CP001", router);
        var sent = session.WaitForFrameAsync(frame => frame.IsCall(FrameDirection.Sent));

        var pending = _csms.Api.PostAsync("stations/CP001/calls/ClearCache?timeout=2.5", string.Empty);
        await sent.Bounded();
        _csms.Time.Advance(TimeSpan.FromSeconds(2.5));
        var answer = await pending;

        Assert.Contains("did not answer ClearCache within 2.5 s", answer.ErrorFor(HttpStatusCode.GatewayTimeout), StringComparison.Ordinal);

        // The charge point answers late (the Central System ignores that answer); the one-CALL-at-a-time
        // slot is already free, without waiting for the 60 s response timeout.
        release.SetResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
        var next = await _csms.Api.PostAsync("stations/CP001/calls/GetLocalListVersion");
        Assert.Equal("""{"listVersion":4}""", next.Ok().GetRawText());
    }

    [Fact]
    public async Task A_station_that_is_not_connected_answers_404()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("CP001");
        await chargePoint.DisposeAsync();
        await session.WaitForDisconnectAsync().Bounded();

        var gone = await _csms.Api.PostAsync("stations/CP001/calls/ClearCache");
        var never = await _csms.Api.PostAsync("stations/NOBODY/calls/ClearCache");

        Assert.Equal("station 'CP001' is not connected", gone.ErrorFor(HttpStatusCode.NotFound));
        Assert.Equal("station 'NOBODY' is not connected", never.ErrorFor(HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("Sideways", "{}", "unknown action 'Sideways'; the Central System sends CancelReservation, CertificateSigned, ChangeAvailability")]
    [InlineData("reset", """{"type": "Hard"}""", "action names are case-sensitive, did you mean Reset?")]
    [InlineData("Heartbeat", "{}", "Heartbeat is sent by the charge point, not by the Central System")]
    [InlineData("Reset", """{"type": "Hard" """, "the body is not JSON: ")]
    [InlineData("Reset", "not json", "the body is not JSON: ")]
    [InlineData("Reset", """{"type": "Sideways"}""", "the payload breaks the Reset.req schema (PropertyConstraintViolation): $.type: 'Sideways' is not a ResetType value")]
    [InlineData("Reset", "{}", "the payload breaks the Reset.req schema (OccurenceConstraintViolation)")]
    [InlineData("Reset", """{"type": "Hard", "when": "now"}""", "the payload breaks the Reset.req schema (FormationViolation): unknown property 'when'")]
    [InlineData("Reset", "[]", "the payload breaks the Reset.req schema (FormationViolation)")]
    [InlineData("RemoteStartTransaction", """{"idTag": "AN-IDTAG-LONGER-THAN-20"}""", "the payload breaks the RemoteStartTransaction.req schema")]
    [InlineData("RemoteStartTransaction", """{"idTag": "A", "connectorId": "1"}""", "the payload breaks the RemoteStartTransaction.req schema (TypeConstraintViolation)")]
    [InlineData("Reset?timeout=0", """{"type": "Hard"}""", "timeout '0' must be a number of seconds greater than 0 and at most 60")]
    [InlineData("Reset?timeout=61", """{"type": "Hard"}""", "timeout '61' must be a number of seconds greater than 0 and at most 60")]
    [InlineData("Reset?timeout=soon", """{"type": "Hard"}""", "timeout 'soon' must be a number of seconds")]
    public async Task A_bad_request_answers_400_with_the_reason_and_sends_nothing(string action, string body, string reason)
    {
        var (_, session) = await _csms.ConnectWithSessionAsync("CP001");

        var answer = await _csms.Api.PostAsync($"stations/CP001/calls/{action}", body);

        Assert.Contains(reason, answer.ErrorFor(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(session.Frames);
        Assert.True(_csms.Logged("answered 400"), "the refusal is logged for the operator");
    }

    [Fact]
    public async Task A_body_larger_than_a_station_accepts_answers_413()
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true, MaxMessageBytes = 64 });
        var (_, session) = await csms.ConnectWithSessionAsync("CP001");

        var answer = await csms.Api.PostAsync("stations/CP001/calls/DataTransfer", $$"""{"vendorId": "com.example", "data": "{{new string('x', 100)}}"}""");

        Assert.Contains("the body could not be read", answer.ErrorFor(HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        Assert.Empty(session.Frames);
    }

    [Fact]
    public async Task No_body_is_the_empty_payload()
    {
        var router = new CallRouter().Handle(OcppActions.ClearCache, (ClearCacheRequest _, IncomingCallContext _, CancellationToken _) =>
            ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted }));
        var (_, session) = await _csms.ConnectWithSessionAsync("CP001", router);

        var answer = await _csms.Api.PostAsync("stations/CP001/calls/ClearCache");

        Assert.Equal("""{"status":"Accepted"}""", answer.Ok().GetRawText());
        Assert.EndsWith(",\"ClearCache\",{}]", session.Frames[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_from_a_page_of_another_origin_is_refused_with_403()
    {
        var (_, session) = await _csms.ConnectWithSessionAsync("CP001");

        var answer = await _csms.Api.SendAsync(HttpMethod.Post, "stations/CP001/calls/Reset", """{"type": "Hard"}""", request => request.Headers.Add("Origin", "http://attacker.example"));

        Assert.Contains("cross-origin request refused", answer.ErrorFor(HttpStatusCode.Forbidden), StringComparison.Ordinal);
        Assert.Empty(session.Frames);
    }

    [Fact]
    public async Task The_sequence_header_lets_a_script_wait_for_what_the_call_caused_even_when_it_already_arrived()
    {
        FakeChargePoint? chargePoint = null;
        var router = new CallRouter().Handle(OcppActions.RemoteStartTransaction, async (RemoteStartTransactionRequest request, IncomingCallContext _, CancellationToken _) =>
        {
            // The station starts before the script asks: the StartTransaction is recorded before the HTTP answer leaves.
            _ = chargePoint!.CallAsync(SampleRequests.StartTransaction with { IdTag = request.IdTag });
            await Task.Yield();
            return new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted };
        });
        (chargePoint, var session) = await _csms.ConnectWithSessionAsync("CP001", router);

        var call = await _csms.Api.PostAsync("stations/CP001/calls/RemoteStartTransaction", """{"idTag": "APP9"}""");
        await session.WaitForCallAsync<StartTransactionRequest>(call.Sequence!.Value).Bounded();
        var start = await _csms.Api.GetAsync($"stations/CP001/messages/next?action=StartTransaction&after={call.Sequence}");

        Assert.Equal("APP9", start.Ok().GetProperty("idTag").GetString());
        Assert.True(start.Sequence > call.Sequence);
    }
}
