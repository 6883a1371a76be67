using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>Delivery of transaction messages: retries, attempts, dead letters.</summary>
public sealed class OutboxTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_refused_StartTransaction_is_retried_after_the_retry_interval_times_the_attempts()
    {
        var refusals = 2;
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["TransactionMessageAttempts"] = "5",
            ["TransactionMessageRetryInterval"] = "11",
        }) with
        {
            ScriptCentralSystem = (csms, _) => csms.Handle(OcppActions.StartTransaction, (_, _) => Interlocked.Decrement(ref refusals) >= 0
                ? throw new OcppCallErrorException(OcppErrorCode.InternalError, "busy")
                : new StartTransactionResponse { TransactionId = csms.NextTransactionId(), IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }),
        });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        await session.CallsAsync<StartTransactionRequest>(mark, 1);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(11));
        await session.CallsAsync<StartTransactionRequest>(mark, 2);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(22));
        await session.CallsAsync<StartTransactionRequest>(mark, 3);

        var times = session.Frames.Where(f => f.Sequence > mark && f.Action == "StartTransaction" && f.IsCall(FrameDirection.Received)).Select(f => f.Timestamp).ToList();
        Assert.Equal(TimeSpan.FromSeconds(11), times[1] - times[0]);
        Assert.Equal(TimeSpan.FromSeconds(22), times[2] - times[1]);
        Assert.True(await harness.TransactionIdAsync() > 0);
    }

    [Fact]
    public async Task A_message_refused_on_every_attempt_goes_to_the_dead_letters_and_later_messages_still_leave()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["TransactionMessageAttempts"] = "2",
            ["TransactionMessageRetryInterval"] = "7",
        }));
        harness.Logs.ExpectedError = e => e.EventId.Id == 2310;
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        harness.Csms.Handle(OcppActions.StopTransaction, (_, _) => throw new OcppCallErrorException(OcppErrorCode.InternalError, "refused"));
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.CallsAsync<StopTransactionRequest>(mark, 1);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(7));
        await session.CallsAsync<StopTransactionRequest>(mark, 2);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2310);

        harness.Csms.ResetHandler(OcppActions.StopTransaction);
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        var next = await harness.StartChargingAsync(session, ValidIdTag2);
        Assert.True(next > 0);
        Assert.Equal(2, session.CallsSince<StopTransactionRequest>(mark).Count);
    }

    [Fact]
    public async Task An_unanswered_message_times_out_and_is_sent_again()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["TransactionMessageRetryInterval"] = "9" }));
        var session = await harness.BootAsync();
        var silence = new TaskCompletionSource<StartTransactionResponse>();
        session.Handle(OcppActions.StartTransaction, (_, _, ct) => new ValueTask<StartTransactionResponse>(silence.Task.WaitAsync(ct)));
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.CallsAsync<StartTransactionRequest>(mark, 1);

        await harness.Clock.AdvanceWhenArmedAsync(StationHarness.ResponseTimeout);
        session.ResetHandler(OcppActions.StartTransaction);
        silence.SetResult(new StartTransactionResponse { TransactionId = 999, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } });
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(9));

        await session.CallsAsync<StartTransactionRequest>(mark, 2);
        Assert.NotEqual(999, await harness.TransactionIdAsync());
    }
}
