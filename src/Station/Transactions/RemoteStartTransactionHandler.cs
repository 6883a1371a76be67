using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Connection;
using Station.Runtime;
using Station.Composition;

namespace Station.Transactions;

/// <summary>
/// Answers RemoteStartTransaction (§5.11); the session is prepared after the answer. Rejected while
/// the registration is not Accepted: §4.2 does not allow the request while Pending.
/// </summary>
internal sealed class RemoteStartTransactionHandler(SessionCoordinator sessions, CentralSystemLink link, StationRuntime runtime)
    : IStationHandler<RemoteStartTransactionRequest, RemoteStartTransactionResponse>
{
    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("Station.Transactions");

    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<RemoteStartTransactionResponse> HandleAsync(RemoteStartTransactionRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (link.Registration != RegistrationStatus.Accepted)
        {
            TransactionsLog.RemoteRequestWhileNotAccepted(_logger, OcppActions.RemoteStartTransaction.Name, link.Registration?.ToString() ?? "unknown");
            return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        if (sessions.AcceptRemoteStart(request) is not { } connectorId)
        {
            return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        context.AfterResponse(ct => sessions.RemoteStartAsync(connectorId, request.IdTag, request.ChargingProfile, ct));
        return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }
}
