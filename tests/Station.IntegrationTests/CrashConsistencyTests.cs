using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// Pitfall 1: a power loss at every step of a transaction. Whatever step it hits, the Central
/// System ends up with each transaction started and stopped exactly once as far as answers go,
/// every message carrying the transactionId the start was given, and nothing left queued.
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper output)
{
    public enum Step
    {
        /// <summary>The card was accepted; no cable yet, so no transaction.</summary>
        Authorized,

        /// <summary>Started while offline: StartTransaction journaled, never sent.</summary>
        StartQueued,

        /// <summary>StartTransaction sent; the Central System has not answered.</summary>
        StartUnanswered,

        /// <summary>StartTransaction answered; charging with sampled values going out.</summary>
        Charging,

        /// <summary>Charging offline: sampled MeterValues journaled behind the start's id.</summary>
        MeterValuesQueued,

        /// <summary>Stopped by the card while offline: StopTransaction journaled, never sent.</summary>
        StopQueued,

        /// <summary>StopTransaction sent; the Central System has not answered.</summary>
        StopUnanswered,

        /// <summary>StopTransaction answered: the transaction is over.</summary>
        Stopped,
    }

    [Theory]
    [InlineData(Step.Authorized, null)]
    [InlineData(Step.StartQueued, Reason.PowerLoss)]
    [InlineData(Step.StartUnanswered, Reason.PowerLoss)]
    [InlineData(Step.Charging, Reason.PowerLoss)]
    [InlineData(Step.MeterValuesQueued, Reason.PowerLoss)]
    [InlineData(Step.StopQueued, Reason.Local)]
    [InlineData(Step.StopUnanswered, Reason.Local)]
    [InlineData(Step.Stopped, Reason.Local)]
    public async Task A_power_loss_at_each_step_leaves_one_start_and_one_stop_per_transaction(Step step, Reason? stopReason)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["AllowOfflineTxForUnknownId"] = "true",
            ["MeterValueSampleInterval"] = "10",
            ["ClockAlignedDataInterval"] = "0",
        }) with { CuttableNetwork = true });
        var before = await harness.BootAsync();

        var offline = await DriveToAsync(harness, before, step);
        await harness.PowerCycleAsync();
        var after = offline ? await harness.GoOnlineAsync(before) : await harness.BootAsync();
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        StationSession[] sessions = [before, after];
        var assigned = sessions.SelectMany(s => s.Frames)
            .Where(f => f.IsAnswerTo(OcppActions.StartTransaction) && f.MessageType == MessageTypeId.CallResult)
            .Select(f => ((StartTransactionResponse)f.Payload!).TransactionId)
            .ToList();
        var answeredStops = sessions.SelectMany(AnsweredStops).ToList();

        if (stopReason is not { } reason)
        {
            Assert.Empty(assigned);
            Assert.Empty(answeredStops);
            Assert.Empty(after.CallsSince<StartTransactionRequest>(0));
            return;
        }

        // A start that was sent but not answered is sent again: the Central System may see two,
        // but the station keeps only the id of the one it had answered.
        var stop = Assert.Single(answeredStops);
        Assert.Equal(reason, stop.Reason);
        Assert.Contains(stop.TransactionId, assigned);
        Assert.All(after.CallsSince<MeterValuesRequest>(0).Where(m => m.TransactionId is not null), m => Assert.Equal(stop.TransactionId, m.TransactionId));
        Assert.All(after.CallsSince<StopTransactionRequest>(0), s => Assert.Equal(stop.TransactionId, s.TransactionId));
        Assert.Empty(harness.TransactionStore.LoadOpen());
        if (step == Step.MeterValuesQueued)
        {
            Assert.Contains(after.CallsSince<MeterValuesRequest>(0), m => m.TransactionId is not null);
        }

        if (step == Step.Stopped)
        {
            Assert.Empty(after.CallsSince<StopTransactionRequest>(0));
        }
    }

    /// <summary>
    /// The StopTransaction requests of a session that the Central System confirmed. A CALLERROR
    /// is no confirmation: the station keeps the message and sends it again.
    /// </summary>
    private static IEnumerable<StopTransactionRequest> AnsweredStops(StationSession session)
    {
        var frames = session.Frames;
        var answered = frames.Where(f => f.IsAnswerTo(OcppActions.StopTransaction) && f.MessageType == MessageTypeId.CallResult).Select(f => f.MessageId).ToHashSet(StringComparer.Ordinal);
        return frames.Where(f => f.Payload is StopTransactionRequest && answered.Contains(f.MessageId!)).Select(f => (StopTransactionRequest)f.Payload!);
    }

    /// <summary>Plays the transaction up to <paramref name="step"/>; true when the network is cut.</summary>
    private static async Task<bool> DriveToAsync(StationHarness harness, StationSession session, Step step)
    {
        switch (step)
        {
            case Step.Authorized:
                var mark = session.LastSequence;
                await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
                await session.Next<AuthorizeRequest>(mark);
                await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
                return false;

            case Step.StartQueued:
                await harness.GoOfflineAsync();
                await harness.Hardware.PresentCardAsync("OFFLINE-1").OrTimeout();
                await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
                await harness.Hardware.PlugAsync(1).OrTimeout();
                await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
                return true;

            case Step.StartUnanswered:
                session.Handle(OcppActions.StartTransaction, (_, _, ct) => new ValueTask<StartTransactionResponse>(Never<StartTransactionResponse>(ct)));
                var beforeStart = session.LastSequence;
                await harness.Hardware.PlugAsync(1).OrTimeout();
                await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
                await session.Next<StartTransactionRequest>(beforeStart);

                // The link goes with the power: the held answer never reaches the station.
                await harness.GoOfflineAsync();
                return true;

            case Step.Charging:
                await harness.StartChargingAsync(session);
                await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
                return false;

            case Step.MeterValuesQueued:
                await harness.StartChargingAsync(session);
                await harness.GoOfflineAsync();
                await harness.AdvanceAsync(TimeSpan.FromSeconds(25));
                return true;

            case Step.StopQueued:
                await harness.StartChargingAsync(session);
                await harness.GoOfflineAsync();
                await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
                await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
                return true;

            case Step.StopUnanswered:
                await harness.StartChargingAsync(session);
                session.Handle(OcppActions.StopTransaction, (_, _, ct) => new ValueTask<StopTransactionResponse>(Never<StopTransactionResponse>(ct)));
                var beforeStop = session.LastSequence;
                await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
                await session.Next<StopTransactionRequest>(beforeStop);
                await harness.GoOfflineAsync();
                return true;

            case Step.Stopped:
                await harness.StartChargingAsync(session);
                var beforeStopped = session.LastSequence;
                await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
                await session.Next<StopTransactionRequest>(beforeStopped);
                await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
                return false;

            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "no such step");
        }
    }

    /// <summary>An answer the Central System never gives; it ends only with its session.</summary>
    private static Task<T> Never<T>(CancellationToken cancellationToken) => new TaskCompletionSource<T>().Task.WaitAsync(cancellationToken);
}
