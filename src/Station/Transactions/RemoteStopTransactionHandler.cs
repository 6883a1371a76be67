using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Connection;
using Station.Runtime;
using Station.Composition;

namespace Station.Transactions;

/// <summary>
/// Answers RemoteStopTransaction (§5.12): Rejected for a transaction that is not running here
/// (TC_028), and while the registration is not Accepted (§4.2 does not allow it while Pending).
/// </summary>
internal sealed class RemoteStopTransactionHandler(TransactionService transactions, CentralSystemLink link, StationRuntime runtime)
    : IStationHandler<RemoteStopTransactionRequest, RemoteStopTransactionResponse>
{
    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("Station.Transactions");

    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<RemoteStopTransactionResponse> HandleAsync(RemoteStopTransactionRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (link.Registration != RegistrationStatus.Accepted)
        {
            TransactionsLog.RemoteRequestWhileNotAccepted(_logger, OcppActions.RemoteStopTransaction.Name, link.Registration?.ToString() ?? "unknown");
            return ValueTask.FromResult(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        if (transactions.FindByTransactionId(request.TransactionId) is not { } transaction)
        {
            return ValueTask.FromResult(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        context.AfterResponse(async ct =>
        {
            using (await runtime.Lock.EnterAsync(ct).ConfigureAwait(false))
            {
                // It may have ended between the answer and now; stop only what still runs.
                if (transactions.On(transaction.ConnectorId) == transaction)
                {
                    await transactions.StopAsync(transaction, Reason.Remote).ConfigureAwait(false);
                }
            }
        });
        return ValueTask.FromResult(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }
}
