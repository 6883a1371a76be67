using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Hardware;
using Station.Composition;

namespace Station.Transactions;

/// <summary>
/// Answers UnlockConnector (§5.18): NotSupported for a fixed cable or an unknown connector
/// (TC_017_2, TC_018_2, TC_031); otherwise stops the transaction (UnlockCommand) and releases the lock.
/// </summary>
internal sealed class UnlockConnectorHandler(TransactionService transactions, IReadOnlyList<IConnectorHardware> hardware)
    : IStationHandler<UnlockConnectorRequest, UnlockConnectorResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public async ValueTask<UnlockConnectorResponse> HandleAsync(UnlockConnectorRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (request.ConnectorId < 1 || request.ConnectorId > hardware.Count || hardware[request.ConnectorId - 1].Lock is not { } cableLock)
        {
            return new UnlockConnectorResponse { Status = UnlockStatus.NotSupported };
        }

        if (transactions.On(request.ConnectorId) is { } transaction)
        {
            await transactions.StopAsync(transaction, Reason.UnlockCommand).ConfigureAwait(false);
        }

        var outcome = await cableLock.UnlockAsync(cancellationToken).ConfigureAwait(false);
        return new UnlockConnectorResponse { Status = outcome == UnlockOutcome.Unlocked ? UnlockStatus.Unlocked : UnlockStatus.UnlockFailed };
    }
}
