using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>Answers RemoteStopTransaction (§5.12): Rejected for a transaction that is not running here (TC_028).</summary>
internal sealed class RemoteStopTransactionHandler(TransactionService transactions, StationRuntime runtime)
    : IOcppHandler<RemoteStopTransactionRequest, RemoteStopTransactionResponse>
{
    public ValueTask<RemoteStopTransactionResponse> HandleAsync(RemoteStopTransactionRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (transactions.FindByTransactionId(request.TransactionId) is not { } transaction)
        {
            return ValueTask.FromResult(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        context.AfterResponse(_ =>
        {
            runtime.RunLocked("remote stop", async _ =>
            {
                // It may have ended between the answer and now; stop only what still runs.
                if (transactions.On(transaction.ConnectorId) == transaction)
                {
                    await transactions.StopAsync(transaction, Reason.Remote).ConfigureAwait(false);
                }
            });
            return Task.CompletedTask;
        });
        return ValueTask.FromResult(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }
}
