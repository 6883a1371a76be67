using System.Text.Json.Nodes;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests.Faults;

/// <summary>
/// Issue 14 §4: a Central System that answers badly, twice, late, in half, or calls back while the
/// station waits. What is already covered elsewhere is not repeated here: CALLERRORs on transaction
/// messages and the dead letters (OutboxTests), no answer at all (OutboxTests), lenient and strict
/// reading of answers (LenientAnswerTests), a refused boot (BootTests).
/// </summary>
public sealed class MisbehavingCentralSystemTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["MeterValueSampleInterval"] = "0",
        ["ClockAlignedDataInterval"] = "0",
    };

    [Fact]
    public async Task A_StartTransaction_answer_that_breaks_its_schema_is_a_failed_attempt_retried_after_the_interval_times_the_attempts()
    {
        var answers = new Queue<string>(
        [
            """{"idTagInfo":{"status":"Accepted"}}""",
            """{"transactionId":"seven","idTagInfo":{"status":"Accepted"}}""",
            """{"transactionId":77,"idTagInfo":{"status":"Accepted"}}""",
        ]);
        await using var rig = await ScriptedStationRig.StartAsync(
            CertificationOptions(output.WriteLine, new(Quiet) { ["TransactionMessageAttempts"] = "3", ["TransactionMessageRetryInterval"] = "7" }),
            csms => csms.Script("StartTransaction", call => call.AnswerAsync(answers.Dequeue())));
        var harness = rig.Harness;
        await rig.ConnectedAsync();

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.Csms.WaitForCallsAsync("StartTransaction", 1).OrTimeout();
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(7)).OrTimeout();
        await rig.Csms.WaitForCallsAsync("StartTransaction", 2).OrTimeout();
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(14)).OrTimeout();
        var starts = await rig.Csms.WaitForCallsAsync("StartTransaction", 3).OrTimeout();

        Assert.Equal(77, await harness.TransactionIdAsync());
        Assert.All(starts, s => Assert.Equal(starts[0].Payload.ToJsonString(), s.Payload.ToJsonString()));
        Assert.Single(rig.Csms.Connections);
        Assert.Equal(0, harness.Station.Outbox.DeadLetters);
    }

    [Fact]
    public async Task An_answer_sent_twice_is_used_once_and_a_stale_answer_arriving_while_the_next_call_waits_is_ignored()
    {
        await using var rig = await ScriptedStationRig.StartAsync(CertificationOptions(output.WriteLine, Quiet), csms =>
        {
            string? startId = null;
            csms.Script("StartTransaction", async call =>
            {
                startId = call.MessageId;
                await call.AnswerAsync("""{"transactionId":41,"idTagInfo":{"status":"Accepted"}}""");
                await call.AnswerAsync("""{"transactionId":42,"idTagInfo":{"status":"Accepted"}}""");
            });
            csms.Script("StopTransaction", async call =>
            {
                // The StartTransaction's id once more, now that another CALL of the station waits: it answers nothing.
                await call.Connection.SendTextAsync($$$"""[3,"{{{startId}}}",{"transactionId":43,"idTagInfo":{"status":"Accepted"}}]""");
                await call.AnswerAsync("{}");
            });
        });
        var harness = rig.Harness;
        await rig.ConnectedAsync();

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        Assert.Equal(41, await harness.TransactionIdAsync());
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var stop = (await rig.Csms.WaitForCallsAsync("StopTransaction", 1).OrTimeout())[0];
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        await harness.FlushAsync();

        Assert.Equal(41, stop.Payload["transactionId"]!.GetValue<int>());
        Assert.Single(rig.Csms.Calls("StartTransaction"));
        Assert.Single(rig.Csms.Calls("StopTransaction"));
        Assert.Single(rig.Csms.Connections);
        Assert.Equal((0, 0), (harness.Station.Outbox.Pending, harness.Station.Outbox.DeadLetters));
    }

    [Fact]
    public async Task A_call_of_the_Central_System_while_the_StartTransaction_waits_for_its_answer_is_answered_first()
    {
        JsonObject? configuration = null;
        JsonObject? changed = null;
        await using var rig = await ScriptedStationRig.StartAsync(CertificationOptions(output.WriteLine, Quiet), csms =>
            csms.Script("StartTransaction", async call =>
            {
                configuration = await call.Connection.CallAsync("GetConfiguration", """{"key":["HeartbeatInterval"]}""");
                changed = await call.Connection.CallAsync("ChangeConfiguration", """{"key":"MeterValueSampleInterval","value":"20"}""");
                await call.AnswerAsync("""{"transactionId":5,"idTagInfo":{"status":"Accepted"}}""");
            }));
        var harness = rig.Harness;
        var connection = await rig.ConnectedAsync();

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        Assert.Equal(5, await harness.TransactionIdAsync());
        Assert.Equal("60", configuration!["configurationKey"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("Accepted", changed!["status"]!.GetValue<string>());
        var frames = connection.Frames.Select(f => f.Text).ToList();
        var start = frames.FindIndex(f => f.Contains("\"StartTransaction\"", StringComparison.Ordinal));
        var answered = frames.FindIndex(f => f.StartsWith("[3,", StringComparison.Ordinal) && f.Contains("\"transactionId\":5", StringComparison.Ordinal));
        var calls = frames.FindIndex(f => f.Contains("\"GetConfiguration\"", StringComparison.Ordinal));
        Assert.True(start < calls && calls < answered, string.Join('\n', frames));
    }

    [Fact]
    public async Task A_StartTransaction_answer_cut_in_the_middle_of_its_frame_is_no_answer_and_the_message_is_sent_again_on_the_next_connection()
    {
        // One attempt allowed: had the cut answer counted as a failed attempt, the message would be in the dead letters.
        await using var rig = await ScriptedStationRig.StartAsync(
            CertificationOptions(output.WriteLine, new(Quiet) { ["TransactionMessageAttempts"] = "1" }),
            csms => csms.Script("StartTransaction", call => call.Connection.Number == 1
                ? call.Connection.SendTruncatedAndDropAsync($$$"""[3,"{{{call.MessageId}}}",{"transactionId":50,"idTagInfo":{"status":"Accepted"}}{{{new string(' ', 120)}}}]""", 40)
                : call.AnswerAsync("""{"transactionId":51,"idTagInfo":{"status":"Accepted"}}""")));
        var harness = rig.Harness;
        await rig.ConnectedAsync();

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.Csms.Connections[0].Closed.OrTimeout();
        await rig.ReconnectedAsync(2);

        Assert.Equal(51, await harness.TransactionIdAsync());
        var starts = rig.Csms.Calls("StartTransaction");
        Assert.Equal(2, starts.Count);
        Assert.Equal(starts[0].Payload.ToJsonString(), starts[1].Payload.ToJsonString());
        Assert.Equal(0, harness.Station.Outbox.DeadLetters);
    }

    [Fact]
    public async Task A_CALL_cut_in_the_middle_of_its_frame_starts_nothing_and_the_station_reconnects()
    {
        await using var rig = await ScriptedStationRig.StartAsync(CertificationOptions(output.WriteLine, Quiet));
        var harness = rig.Harness;
        var connection = await rig.ConnectedAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();

        await connection.SendTruncatedAndDropAsync($$$"""[2,"cut-1","RemoteStartTransaction",{"connectorId":1,"idTag":"{{{ValidIdTag}}}"}{{{new string(' ', 100)}}}]""", 70);
        await connection.Closed.OrTimeout();
        await rig.ReconnectedAsync(2);
        await harness.FlushAsync();

        Assert.Empty(rig.Csms.Calls("StartTransaction"));
        Assert.Equal(ChargePointStatus.Preparing, (await harness.Station.SnapshotAsync(CancellationToken.None).OrTimeout()).Connectors[0].Status);
    }

    [Fact]
    public async Task An_answer_after_the_response_timeout_is_ignored_and_the_transaction_takes_the_id_of_the_answer_on_the_next_connection()
    {
        StationHarness? station = null;
        await using var rig = await ScriptedStationRig.StartAsync(
            CertificationOptions(output.WriteLine, new(Quiet) { ["TransactionMessageAttempts"] = "1" }),
            csms => csms.Script("StartTransaction", async call =>
            {
                if (call.Connection.Number > 1)
                {
                    await call.AnswerAsync("""{"transactionId":62,"idTagInfo":{"status":"Accepted"}}""");
                    return;
                }

                // Late: once the station has given up waiting (event 2156), while its connection may still be open.
                await station!.Logs.WaitForAsync(e => e.EventId.Id == 2156);
                await call.AnswerAsync("""{"transactionId":61,"idTagInfo":{"status":"Accepted"}}""");
            }));
        var harness = station = rig.Harness;
        await rig.ConnectedAsync();

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.Csms.WaitForCallsAsync("StartTransaction", 1).OrTimeout();
        await harness.Clock.AdvanceWhenArmedAsync(StationHarness.ResponseTimeout).OrTimeout();
        await rig.Csms.Connections[0].Closed.OrTimeout();
        await rig.ReconnectedAsync(2);

        Assert.Equal(62, await harness.TransactionIdAsync());
        Assert.Equal(2, rig.Csms.Calls("StartTransaction").Count);
        Assert.Equal(0, harness.Station.Outbox.DeadLetters);
    }

    [Fact]
    public async Task An_Authorize_answered_with_a_CALLERROR_refuses_the_card_and_the_connection_stays_up()
    {
        await using var rig = await ScriptedStationRig.StartAsync(CertificationOptions(output.WriteLine, Quiet), csms =>
            csms.Script("Authorize", call => call.FailAsync("InternalError", "directory down")));
        var harness = rig.Harness;
        await rig.ConnectedAsync();

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.Csms.WaitForCallsAsync("Authorize", 1).OrTimeout();
        await harness.FlushAsync();

        Assert.Empty(rig.Csms.Calls("StartTransaction"));
        Assert.Single(rig.Csms.Connections);
        Assert.Null((await harness.Station.SnapshotAsync(CancellationToken.None).OrTimeout()).Connectors[0].TransactionId);
    }

    [Theory]
    [InlineData(AuthorizationStatus.Invalid, true)]
    [InlineData(AuthorizationStatus.Blocked, true)]
    [InlineData(AuthorizationStatus.Expired, true)]
    [InlineData(AuthorizationStatus.ConcurrentTx, true)]
    [InlineData(AuthorizationStatus.ConcurrentTx, false)]
    public async Task A_StartTransaction_refused_for_its_idTag_is_stopped_DeAuthorized_or_suspended_and_nothing_is_retried(AuthorizationStatus status, bool stopOnInvalid)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new(Quiet) { ["StopTransactionOnInvalidId"] = stopOnInvalid ? "true" : "false" }));
        harness.Csms.SetAnswers(harness.Csms.Answers with { StartTransactionStatuses = new Dictionary<string, AuthorizationStatus> { [ValidIdTag] = status } });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(mark);
        var answer = await session.WaitForFrameAsync(mark, f => f.IsAnswerTo(OcppActions.StartTransaction)).OrTimeout();
        var transactionId = ((StartTransactionResponse)answer.Payload!).TransactionId;
        if (stopOnInvalid)
        {
            var stop = await session.Next<StopTransactionRequest>(mark);
            Assert.Equal((transactionId, Reason.DeAuthorized), (stop.TransactionId, stop.Reason));
            Assert.True(stop.MeterStop >= start.MeterStart);
            await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
        }
        else
        {
            await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEVSE);
        }

        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        await harness.FlushAsync();
        Assert.Single(session.CallsSince<StartTransactionRequest>(mark));
        Assert.Equal(stopOnInvalid ? 1 : 0, session.CallsSince<StopTransactionRequest>(mark).Count);
        Assert.Equal(0, harness.Station.Outbox.DeadLetters);
        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
    }
}
