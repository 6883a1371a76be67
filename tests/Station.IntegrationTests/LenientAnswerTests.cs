using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// Answers as Central Systems in the field write them, over a real WebSocket: the station reads
/// what it can use and registers or starts charging once, instead of retrying forever.
/// </summary>
/// <remarks>
/// The built-in Central System only writes valid answers, so each scripted handler sends the
/// field's answer itself as a raw CALLRESULT with the CALL's message id and then returns a
/// decoy answer (Rejected, Invalid) with the same id. The station takes the first answer; the
/// decoy finds no pending CALL and is dropped, so what the station does shows which one it read.
/// </remarks>
public sealed class LenientAnswerTests(ITestOutputHelper output)
{
    private const string FieldBootAnswer = """{"status":"Accepted","currentTime":"2026-03-17T10:00:00","interval":45,"vendorExtension":{"build":"7.1","features":["x"]}}""";
    private const string FieldStartAnswer = """{"idTagInfo":{"status":"Accepted","parentIdTag":null},"transactionId":4242}""";
    private static readonly DateTimeOffset FieldTime = new(2026, 3, 17, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Station_registers_against_a_boot_answer_with_a_time_without_offset_and_an_unknown_property()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, async (session, _, ct) =>
            {
                await AnswerRawAsync(session, "BootNotification", FieldBootAnswer, ct);
                return new BootNotificationResponse { Status = RegistrationStatus.Rejected, CurrentTime = clock.GetUtcNow(), Interval = 3600 };
            }),
        });

        var session = await harness.BootAsync();

        Assert.Single(session.CallsAfter<BootNotificationRequest>(0));
        Assert.Equal(45, harness.Station.Configuration.GetInt("HeartbeatInterval"));
        Assert.InRange(harness.Station.Runtime.Clock.GetUtcNow() - FieldTime, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 115 && e.Message.Contains("$.vendorExtension", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 115 && e.Message.Contains("without offset", StringComparison.Ordinal));
        Assert.Empty(harness.Schemas.Violations);
    }

    [Fact]
    public async Task With_strict_answers_the_same_boot_answer_is_refused_and_the_boot_retried()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ConfigureStation = o => o with { Rpc = o.Rpc with { StrictAnswers = true } },
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, async (session, _, ct) =>
            {
                await AnswerRawAsync(session, "BootNotification", FieldBootAnswer, ct);
                return new BootNotificationResponse { Status = RegistrationStatus.Rejected, CurrentTime = clock.GetUtcNow(), Interval = 3600 };
            }),
        });
        var session = await harness.WaitForSessionAsync();
        var (_, first) = await session.NextCallAsync<BootNotificationRequest>(0);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2401);

        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(60));
        await session.NextCallAsync<BootNotificationRequest>(first);

        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(0));
    }

    [Fact]
    public async Task StartTransaction_answer_with_a_null_parentIdTag_is_accepted_once_and_its_transactionId_used()
    {
        var options = CertificationOptions(output.WriteLine) with
        {
            ScriptCentralSystem = (csms, _) => csms.Handle(OcppActions.StartTransaction, async (session, _, ct) =>
            {
                await AnswerRawAsync(session, "StartTransaction", FieldStartAnswer, ct);
                return new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid }, TransactionId = 1 };
            }),
        };
        await using var harness = await StationHarness.StartAsync(options);
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);

        // Charging is reported before the answer arrives: virtual time may only move once the station
        // has taken the transactionId from it (else the answer's timeout fires first), and once the
        // Charging StatusNotification queued behind it has been answered too.
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2305 && e.Message.Contains("4242", StringComparison.Ordinal));
        var tolerated = await harness.Logs.WaitForAsync(e => e.EventId.Id == 115 && e.Message.Contains("StartTransaction", StringComparison.Ordinal));
        await session.FenceAsync();

        // Longer than every retry of the transaction message outbox (30 s × attempts, 3 attempts).
        await harness.AdvanceAsync(TimeSpan.FromSeconds(200));
        await session.FenceAsync();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var stop = await session.Next<StopTransactionRequest>(mark);

        Assert.Single(session.CallsAfter<StartTransactionRequest>(0));
        Assert.Equal(4242, stop.TransactionId);
        Assert.Contains("$.idTagInfo.parentIdTag", tolerated.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Schemas.Violations);
    }

    // Sends the field's answer to the station's last CALL of this action, as its CALLRESULT.
    private static async Task AnswerRawAsync(StationSession session, string action, string payload, CancellationToken cancellationToken)
    {
        var call = session.Frames.Last(f => f.IsCall(FrameDirection.Received) && f.Action == action);
        await session.SendRawAsync($"[3,\"{call.MessageId}\",{payload}]", cancellationToken);
    }
}
