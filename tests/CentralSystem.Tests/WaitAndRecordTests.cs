using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace CentralSystem.Tests;

public sealed class WaitAndRecordTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync();

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Wait_for_call_takes_the_next_matching_call_after_the_wait_began_not_an_earlier_one()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        await chargePoint.BootAsync();

        var nextBoot = session.WaitForCallAsync<BootNotificationRequest>();
        await chargePoint.CallAsync(new HeartbeatRequest());
        Assert.True(await nextBoot.StaysPending());
        await chargePoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "second" });

        Assert.Equal("second", (await nextBoot.Bounded()).ChargePointModel);
    }

    [Fact]
    public async Task Wait_for_first_call_returns_a_call_that_arrived_before_the_test_held_the_session()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");
        await chargePoint.BootAsync();
        await chargePoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "second" });
        var session = await _csms.Server.WaitForStationAsync("cp001").Bounded();

        var boot = await session.WaitForFirstCallAsync<BootNotificationRequest>().Bounded();

        Assert.Equal("TSCT-2007CP", boot.ChargePointModel);
    }

    [Fact]
    public async Task Wait_after_a_position_sees_a_matching_call_that_arrived_before_the_wait()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { Status = ChargePointStatus.Preparing });
        var position = session.LastSequence;

        await chargePoint.CallAsync(SampleRequests.StatusNotification with { Status = ChargePointStatus.Available });
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { Status = ChargePointStatus.Charging });

        var charging = await session.WaitForCallAsync<StatusNotificationRequest>(position, request => request.Status != ChargePointStatus.Available).Bounded();
        Assert.Equal(ChargePointStatus.Charging, charging.Status);
        Assert.Equal(2, position);
    }

    [Fact]
    public async Task Wait_for_frame_sees_the_answer_the_server_sent()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");

        var answer = session.WaitForFrameAsync(frame => frame.IsAnswerTo(OcppActions.StartTransaction));
        var response = await chargePoint.CallAsync(SampleRequests.StartTransaction);

        var frame = await answer.Bounded();
        Assert.Equal(FrameDirection.Sent, frame.Direction);
        Assert.Equal(response, frame.Payload);
    }

    [Fact]
    public async Task Waits_fail_as_not_connected_when_the_station_leaves_without_a_match()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        var stop = session.WaitForCallAsync<StopTransactionRequest>();
        var anyFrame = session.WaitForFrameAsync(_ => false);

        await chargePoint.DisposeAsync();

        var error = await Assert.ThrowsAsync<OcppNotConnectedException>(() => stop.Bounded());
        Assert.Contains("station cp001 disconnected", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OcppNotConnectedException>(() => anyFrame.Bounded());
        await Assert.ThrowsAsync<OcppNotConnectedException>(() => session.WaitForFirstCallAsync<StopTransactionRequest>().Bounded());
    }

    [Fact]
    public async Task Cancelled_wait_ends_as_cancelled()
    {
        var (_, session) = await _csms.ConnectWithSessionAsync("cp001");
        using var cancellation = new CancellationTokenSource();

        var wait = session.WaitForCallAsync<HeartbeatRequest>(cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.Bounded());
    }

    [Fact]
    public async Task Frame_recorded_events_see_every_frame_in_sequence_order()
    {
        var seen = new List<(long Sequence, string Line)>();
        _csms.Server.StationConnected += (_, session) => session.FrameRecorded += (_, frame) => seen.Add((frame.Sequence, frame.ToString()));
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");

        await chargePoint.BootAsync();
        await chargePoint.CallAsync(new HeartbeatRequest());

        Assert.Equal([1L, 2L, 3L, 4L], seen.Select(entry => entry.Sequence));
        Assert.Equal(session.Frames.Select(frame => frame.ToString()), seen.Select(entry => entry.Line));
        Assert.StartsWith("cp001 → BootNotification vendor=TaeSeongConTech model=TSCT-2007CP", seen[0].Line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_frame_handler_is_logged_and_leaves_the_station_served()
    {
        _csms.ExpectErrorLogs();
        _csms.Server.FrameRecorded += (_, _) => throw new InvalidOperationException("observer bug");
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        Assert.Equal(RegistrationStatus.Accepted, (await chargePoint.BootAsync()).Status);
        Assert.True(_csms.Logged("A FrameRecorded handler of station cp001 failed"));
    }

    [Fact]
    public async Task Frame_history_keeps_the_newest_frames_up_to_its_limit()
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { FrameHistoryLimit = 3 });
        var (chargePoint, session) = await csms.ConnectWithSessionAsync("cp001");

        for (var i = 0; i < 3; i++)
        {
            await chargePoint.CallAsync(new HeartbeatRequest());
        }

        Assert.Equal(6, session.LastSequence);
        Assert.Equal([4L, 5L, 6L], session.Frames.Select(frame => frame.Sequence));
    }

    [Fact]
    public async Task Without_history_waits_from_now_still_see_new_frames()
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { FrameHistoryLimit = 0 });
        var (chargePoint, session) = await csms.ConnectWithSessionAsync("cp001");

        var heartbeat = session.WaitForCallAsync<HeartbeatRequest>();
        await chargePoint.CallAsync(new HeartbeatRequest());

        await heartbeat.Bounded();
        Assert.Empty(session.Frames);
    }
}
