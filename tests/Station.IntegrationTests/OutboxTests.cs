using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
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
    public async Task A_message_without_an_answer_never_counts_as_an_attempt_and_is_sent_again_on_a_new_connection()
    {
        // One attempt allowed: a single CALLERROR would dead-letter it, but a timeout is no verdict of the Central System (§4.10).
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["TransactionMessageAttempts"] = "1" }));
        var session = await harness.BootAsync();
        var silence = new TaskCompletionSource<StartTransactionResponse>();
        session.Handle(OcppActions.StartTransaction, (_, _, ct) => new ValueTask<StartTransactionResponse>(silence.Task.WaitAsync(ct)));
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.CallsAsync<StartTransactionRequest>(mark, 1);

        // The link may be half-open: after the timeout the station dials anew and sends the message there.
        var redialled = harness.WaitForSessionAsync(s => s != session && s.IsConnected);
        await harness.Clock.AdvanceWhenArmedAsync(StationHarness.ResponseTimeout);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2320);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(1));
        var next = await redialled;
        var start = await next.Next<StartTransactionRequest>(0);

        Assert.Equal(ValidIdTag, start.IdTag);
        Assert.True(await harness.TransactionIdAsync() > 0);
        Assert.Equal(0, harness.Station.Outbox.DeadLetters);
    }

    [Fact]
    public async Task A_StartTransaction_given_up_on_takes_its_queued_messages_to_the_dead_letters_at_once_and_says_so()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["TransactionMessageAttempts"] = "1",
            ["AllowOfflineTxForUnknownId"] = "true",
            ["MeterValueSampleInterval"] = "10",
            ["ClockAlignedDataInterval"] = "0",
        }) with { CuttableNetwork = true });
        harness.Logs.ExpectedError = e => e.EventId.Id is 2310 or 2321;
        var session = await harness.BootAsync();
        await harness.GoOfflineAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(25));
        Assert.Equal(3, harness.Station.Outbox.Pending);
        harness.Csms.Handle(OcppActions.StartTransaction, (_, _) => throw new OcppCallErrorException(OcppErrorCode.InternalError, "refused"));

        var online = await harness.GoOnlineAsync(session);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2321);

        Assert.Equal(0, harness.Station.Outbox.Pending);
        Assert.Equal(3, harness.Station.Outbox.DeadLetters);
        Assert.DoesNotContain(online.CallsSince<MeterValuesRequest>(0), m => m.TransactionId is not null);
    }
}
