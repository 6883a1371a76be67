using System.Net;
using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace CentralSystem.Tests.Api;

/// <summary>The message log <c>GET /stations/{id}/messages</c> and the wait <c>GET /stations/{id}/messages/next</c>.</summary>
public sealed class MessagesApiTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Next_answers_the_payload_of_the_next_CALL_of_the_action_from_the_station()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("CP001");
        await chargePoint.CallAsync(SampleRequests.StartTransaction with { IdTag = "BEFORE" });
        var waiting = _csms.WaitForLogAsync("for StartTransaction from station CP001");

        var next = _csms.Api.GetAsync("stations/CP001/messages/next?action=StartTransaction&timeout=5");
        await waiting;
        await chargePoint.CallAsync(SampleRequests.StatusNotification);
        await chargePoint.CallAsync(SampleRequests.StartTransaction with { IdTag = "AFTER" });
        var answer = await next;

        Assert.Equal("""{"connectorId":1,"idTag":"AFTER","meterStart":0,"timestamp":"2031-03-07T09:40:00.000Z"}""", answer.Ok().GetRawText());
        Assert.Equal(session.Frames.Single(f => f.IsCall(FrameDirection.Received) && f.Text.Contains("AFTER", StringComparison.Ordinal)).Sequence, answer.Sequence);
    }

    [Fact]
    public async Task Next_after_a_sequence_finds_a_message_that_already_arrived()
    {
        var chargePoint = await _csms.ConnectAsync("CP001");
        await chargePoint.CallAsync(new HeartbeatRequest());
        await chargePoint.CallAsync(SampleRequests.StatusNotification);

        var first = await _csms.Api.GetAsync("stations/CP001/messages/next?after=0");
        var second = await _csms.Api.GetAsync($"stations/CP001/messages/next?after={first.Sequence}");

        Assert.Equal("{}", first.Ok().GetRawText());
        Assert.Equal(1, first.Sequence);
        Assert.Equal("Charging", second.Ok().GetProperty("status").GetString());
        Assert.Equal(3, second.Sequence);
    }

    [Fact]
    public async Task Next_answers_504_when_nothing_came_within_the_timeout()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("CP001");

        var waiting = _csms.WaitForLogAsync("Waiting up to 30 s for StopTransaction");
        var next = _csms.Api.GetAsync("stations/CP001/messages/next?action=StopTransaction&timeout=30");
        await waiting;
        await chargePoint.CallAsync(new HeartbeatRequest());
        _csms.Time.Advance(TimeSpan.FromSeconds(30));
        var answer = await next;

        Assert.Equal("no StopTransaction from station 'CP001' within 30 s (it is connected)", answer.ErrorFor(HttpStatusCode.GatewayTimeout));
        Assert.Equal(2, session.LastSequence);
    }

    [Fact]
    public async Task Next_waits_for_a_station_that_connects_and_for_its_next_session_after_a_reconnect()
    {
        var waitingForBoot = _csms.WaitForLogAsync("for BootNotification from station CP001");
        var boot = _csms.Api.GetAsync("stations/CP001/messages/next?action=BootNotification&timeout=60");
        await waitingForBoot;
        var first = await _csms.ConnectAsync("CP001");
        await first.BootAsync();
        var bootAnswer = await boot;

        var waitingForStart = _csms.WaitForLogAsync("for StartTransaction from station CP001");
        var start = _csms.Api.GetAsync("stations/CP001/messages/next?action=StartTransaction&timeout=60");
        await waitingForStart;
        await first.CallAsync(new HeartbeatRequest());
        await first.DisposeAsync();
        var second = await _csms.ConnectAsync("CP001");
        await second.CallAsync(SampleRequests.StartTransaction with { IdTag = "REBOOTED" });
        var startAnswer = await start;

        Assert.Equal("TaeSeongConTech", bootAnswer.Ok().GetProperty("chargePointVendor").GetString());
        Assert.Equal("REBOOTED", startAnswer.Ok().GetProperty("idTag").GetString());
        Assert.Equal(1, startAnswer.Sequence);
    }

    [Theory]
    [InlineData("messages/next?action=Reset", "action 'Reset' is not a message a charge point sends (Authorize, BootNotification, DataTransfer")]
    [InlineData("messages/next?action=Nonsense", "action 'Nonsense' is not a message a charge point sends")]
    [InlineData("messages/next?timeout=-1", "timeout '-1' must be a number of seconds greater than 0 and at most 3600")]
    [InlineData("messages/next?timeout=3601", "timeout '3601' must be a number of seconds")]
    [InlineData("messages/next?after=-3", "after '-3' must be a whole number from 0")]
    [InlineData("messages/next?after=x", "after 'x' must be a whole number from 0")]
    [InlineData("messages?limit=0", "limit '0' must be a whole number from 1")]
    [InlineData("messages?after=minus", "after 'minus' must be a whole number from 0")]
    public async Task A_bad_query_answers_400_with_the_reason(string path, string reason)
    {
        await _csms.ConnectAsync("CP001");

        var answer = await _csms.Api.GetAsync($"stations/CP001/{path}");

        Assert.Contains(reason, answer.ErrorFor(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_lists_the_latest_frames_of_both_directions_oldest_first_with_their_action()
    {
        var router = new CallRouter().Handle(OcppActions.ClearCache, (ClearCacheRequest _, IncomingCallContext _, CancellationToken _) =>
            ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Rejected }));
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("CP001", router);
        await chargePoint.CallAsync(new HeartbeatRequest());
        await session.CallAsync(new ClearCacheRequest()).Bounded();
        await chargePoint.SendRawAsync("not a frame");
        await session.WaitForFrameAsync(0, frame => frame.Sequence == 5).Bounded();

        var all = (await _csms.Api.GetAsync("stations/CP001/messages")).Ok().EnumerateArray().ToList();
        var lastTwo = (await _csms.Api.GetAsync("stations/CP001/messages?limit=2")).Ok().EnumerateArray().ToList();
        var clearCache = (await _csms.Api.GetAsync("stations/CP001/messages?action=ClearCache")).Ok().EnumerateArray().ToList();

        Assert.Equal([1L, 2, 3, 4, 5], all.Select(frame => frame.GetProperty("sequence").GetInt64()));
        Assert.Equal(["received", "sent", "sent", "received", "received"], all.Select(frame => frame.GetProperty("direction").GetString()));
        Assert.Equal([4L, 5], lastTwo.Select(frame => frame.GetProperty("sequence").GetInt64()));
        Assert.Equal("""[3,"MESSAGE-ID",{"status":"Rejected"}]""", clearCache[1].GetProperty("frame").GetRawText().Replace(session.Frames[2].MessageId!, "MESSAGE-ID", StringComparison.Ordinal));
        Assert.Equal(["ClearCache", "ClearCache"], clearCache.Select(frame => frame.GetProperty("action").GetString()));
        Assert.Equal("not a frame", all[4].GetProperty("text").GetString());
        Assert.All(all, frame => Assert.Equal(("CP001", 1), (frame.GetProperty("chargePointId").GetString(), frame.GetProperty("session").GetInt32())));
    }

    [Fact]
    public async Task The_log_of_a_station_that_is_not_connected_is_not_found()
    {
        var answer = await _csms.Api.GetAsync("stations/CP404/messages");

        Assert.Equal("station 'CP404' is not connected", answer.ErrorFor(HttpStatusCode.NotFound));
    }
}
