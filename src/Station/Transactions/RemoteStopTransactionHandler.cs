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
/// A Central System may send it right after answering the StartTransaction, before the station has
/// applied that answer (its commit is on its way): then the answer waits for the StartTransaction's
/// delivery (<see cref="StartConfirmationWait"/>), outside the station lock that delivery needs.
/// </summary>
internal sealed class RemoteStopTransactionHandler(TransactionService transactions, IStartConfirmations confirmations, CentralSystemLink link, StationRuntime runtime)
    : IStationHandler<RemoteStopTransactionRequest, RemoteStopTransactionResponse>
{
    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("Station.Transactions");

    // StartConfirmationWait takes the station lock itself, so that it can wait for the StartTransaction's delivery without holding it.
    public HandlerLock Lock => HandlerLock.None;

    public ValueTask<RemoteStopTransactionResponse> HandleAsync(RemoteStopTransactionRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        StartConfirmationWait.AnswerAsync(
            confirmations,
            runtime,
            _logger,
            OcppActions.RemoteStopTransaction.Name,
            () => link.Registration == RegistrationStatus.Accepted && transactions.FindByTransactionId(request.TransactionId) is null ? request.TransactionId : null,
            () => Answer(request, context),
            cancellationToken);

    private RemoteStopTransactionResponse Answer(RemoteStopTransactionRequest request, IncomingCallContext context)
    {
        if (link.Registration != RegistrationStatus.Accepted)
        {
            TransactionsLog.RemoteRequestWhileNotAccepted(_logger, OcppActions.RemoteStopTransaction.Name, link.Registration?.ToString() ?? "unknown");
            return new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected };
        }

        if (transactions.FindByTransactionId(request.TransactionId) is not { } transaction)
        {
            return new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected };
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
        return new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted };
    }
}
