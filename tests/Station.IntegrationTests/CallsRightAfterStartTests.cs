using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;
using static Station.IntegrationTests.Support.ChargingProfiles;

namespace Station.IntegrationTests;

/// <summary>
/// A Central System that names a transaction right after answering its StartTransaction (an app's stop
/// button, a TxProfile for the new transaction, an automated test): the answer is read before the next
/// CALL, but applied a commit later. Found by the warm-up of run, whose script stops a transaction that
/// way: the station answered Rejected.
/// </summary>
public sealed class CallsRightAfterStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_RemoteStopTransaction_sent_right_after_the_StartTransaction_answer_stops_that_transaction()
    {
        var (harness, session, confirmation, transactionId) = await StartWithHeldConfirmationAsync();
        await using var _ = harness;

        var mark = session.LastSequence;
        var stopping = session.CallAsync(new RemoteStopTransactionRequest { TransactionId = transactionId });
        var waiting = harness.Logs.WaitForAsync(e => e.EventId.Id == 2331);
        await Task.WhenAny(stopping, waiting).OrTimeout();
        confirmation.Release();

        Assert.Equal(RemoteStartStopStatus.Accepted, (await stopping.OrTimeout()).Status);
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.Remote, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
    }

    [Fact]
    public async Task A_TxProfile_for_the_transaction_just_answered_is_Accepted_and_not_refused_as_an_unknown_transaction()
    {
        var (harness, session, confirmation, transactionId) = await StartWithHeldConfirmationAsync();
        await using var _ = harness;

        var setting = session.CallAsync(new SetChargingProfileRequest
        {
            ConnectorId = 1, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxProfile, (0, 6m)).ForTransaction(transactionId),
        });
        var waiting = harness.Logs.WaitForAsync(e => e.EventId.Id == 2331);
        await Task.WhenAny(setting, waiting).OrTimeout();
        confirmation.Release();

        Assert.Equal(ChargingProfileStatus.Accepted, (await setting.OrTimeout()).Status);
    }

    [Fact]
    public async Task A_RemoteStopTransaction_for_another_id_while_a_StartTransaction_answer_is_applied_is_Rejected_once_the_wait_runs_out()
    {
        var (harness, session, confirmation, _) = await StartWithHeldConfirmationAsync();
        await using var _ = harness;

        // The held commit never completes within the wait, so the answer is the one for an unknown transaction.
        var stopping = session.CallAsync(new RemoteStopTransactionRequest { TransactionId = 424242 });
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2331);
        harness.Clock.Advance(TimeSpan.FromSeconds(2)); // RemoteStopTransactionHandler.StartConfirmationWait

        Assert.Equal(RemoteStartStopStatus.Rejected, (await stopping.OrTimeout()).Status);
        confirmation.Release();
        await session.NextCallAsync<StatusNotificationRequest>(0, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Charging);
        await harness.FlushAsync();
        Assert.Empty(session.CallsSince<StopTransactionRequest>(0));
    }

    // A charging session whose StartTransaction answer the station has read; the commit that applies its transactionId is held.
    private async Task<(StationHarness Harness, StationSession Session, HeldCall Confirmation, int TransactionId)> StartWithHeldConfirmationAsync()
    {
        HoldingTransactionStore? store = null;
        var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with
        {
            WrapStores = stores => stores with { Transactions = store = new HoldingTransactionStore(stores.Transactions) },
        });
        var session = await harness.BootAsync();
        var confirmation = store!.HoldNextStartConfirmation();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await confirmation.Reached.OrTimeout();
        var transactionId = session.Frames.Last(f => f.IsAnswerTo(OcppActions.StartTransaction)).Payload is StartTransactionResponse started
            ? started.TransactionId
            : throw new InvalidOperationException("no StartTransaction answer");
        return (harness, session, confirmation, transactionId);
    }
}
