using CentralSystem.Tests.Support;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Xunit;

namespace CentralSystem.Tests;

public sealed class OverrideTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { CloseTimeout = TimeSpan.FromSeconds(30) });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Server_wide_override_scripts_pending_then_accepted()
    {
        var boots = 0;
        _csms.Server.Handle(OcppActions.BootNotification, (_, _) => new BootNotificationResponse
        {
            Status = Interlocked.Increment(ref boots) == 1 ? RegistrationStatus.Pending : RegistrationStatus.Accepted,
            CurrentTime = TestCentralSystem.Start,
            Interval = 10,
        });
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        Assert.Equal(RegistrationStatus.Pending, (await chargePoint.BootAsync()).Status);
        Assert.Equal(RegistrationStatus.Accepted, (await chargePoint.BootAsync()).Status);
    }

    [Fact]
    public async Task Server_wide_override_applies_to_every_station()
    {
        _csms.Server.Handle(OcppActions.BootNotification, (_, _) => Rejected(30));
        await using var first = await _csms.ConnectAsync("cp001");
        await using var second = await _csms.ConnectAsync("cp002");

        Assert.Equal(Rejected(30), await first.BootAsync());
        Assert.Equal(Rejected(30), await second.BootAsync());
    }

    [Fact]
    public async Task Session_override_wins_over_the_server_one_for_its_station_only()
    {
        _csms.Server.Handle(OcppActions.BootNotification, (_, _) => Rejected(30));
        var (first, session) = await _csms.ConnectWithSessionAsync("cp001");
        await using var second = await _csms.ConnectAsync("cp002");

        session.Handle(OcppActions.BootNotification, (s, _) => Rejected(s.ChargePointId.Length));

        Assert.Equal(Rejected(5), await first.BootAsync());
        Assert.Equal(Rejected(30), await second.BootAsync());
    }

    [Fact]
    public async Task Reset_handler_returns_to_the_next_answer_in_line()
    {
        _csms.Server.Handle(OcppActions.BootNotification, (_, _) => Rejected(30));
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        session.Handle(OcppActions.BootNotification, (_, _) => Rejected(1));

        session.ResetHandler(OcppActions.BootNotification);
        Assert.Equal(Rejected(30), await chargePoint.BootAsync());

        _csms.Server.ResetHandler(OcppActions.BootNotification);
        Assert.Equal(RegistrationStatus.Accepted, (await chargePoint.BootAsync()).Status);
    }

    [Fact]
    public async Task Start_transaction_can_be_answered_invalid_with_a_server_transaction_id()
    {
        _csms.Server.Handle(OcppActions.StartTransaction, (_, _) => new StartTransactionResponse
        {
            IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid },
            TransactionId = _csms.Server.NextTransactionId(),
        });
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var answer = await chargePoint.CallAsync(SampleRequests.StartTransaction);

        Assert.Equal(new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid }, TransactionId = 1 }, answer);
    }

    [Fact]
    public async Task Handler_throwing_a_call_error_answers_with_that_callerror()
    {
        _csms.Server.Handle(OcppActions.StartTransaction, (_, _) =>
            throw new OcppCallErrorException(OcppErrorCode.PropertyConstraintViolation, "connector 1 does not exist"));
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => chargePoint.CallAsync(SampleRequests.StartTransaction));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, error.ErrorCode);
        Assert.Equal("connector 1 does not exist", error.Description);
        var recorded = session.Frames[^1];
        Assert.Equal((MessageTypeId.CallError, "StartTransaction", "PropertyConstraintViolation"), (recorded.MessageType!.Value, recorded.Action, recorded.ErrorCode));
    }

    [Fact]
    public async Task Handler_that_does_not_answer_yet_holds_up_only_its_own_station()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _csms.Server.Handle(OcppActions.BootNotification, async (session, _, cancellationToken) =>
        {
            if (session.ChargePointId == "slow")
            {
                await release.Task.WaitAsync(cancellationToken);
            }

            return Rejected(30);
        });
        await using var slow = await _csms.ConnectAsync("slow");
        await using var fast = await _csms.ConnectAsync("fast");

        var slowBoot = slow.BootAsync();
        Assert.Equal(Rejected(30), await fast.BootAsync());
        Assert.True(await slowBoot.StaysPending());

        release.SetResult();
        Assert.Equal(Rejected(30), await slowBoot);
    }

    [Fact]
    public async Task Closing_a_session_gives_up_its_waiting_handler_instead_of_waiting_out_the_close_timeout()
    {
        var neverReleased = new TaskCompletionSource();
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");
        session.Handle(OcppActions.Heartbeat, async (_, _, cancellationToken) =>
        {
            await neverReleased.Task.WaitAsync(cancellationToken);
            return new HeartbeatResponse { CurrentTime = TestCentralSystem.Start };
        });
        var heartbeat = chargePoint.CallAsync(new HeartbeatRequest());
        await session.WaitForFirstCallAsync<HeartbeatRequest>().Bounded();

        // Bounded by the test timeout (10 s), far below the close timeout of 30 s.
        await session.CloseAsync().Bounded();

        Assert.False(session.IsConnected);
        await Assert.ThrowsAnyAsync<OcppException>(() => heartbeat);
    }

    [Fact]
    public void Central_system_actions_cannot_be_overridden_as_answers()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            _csms.Server.Handle(OcppActions.RemoteStartTransaction, (_, _) => new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted }));

        Assert.Contains("StationSession.CallAsync", error.Message, StringComparison.Ordinal);
    }

    private static BootNotificationResponse Rejected(int interval) =>
        new() { Status = RegistrationStatus.Rejected, CurrentTime = TestCentralSystem.Start, Interval = interval };
}
