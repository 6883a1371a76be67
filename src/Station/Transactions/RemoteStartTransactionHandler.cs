using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>Answers RemoteStartTransaction (§5.11); the session is prepared after the answer.</summary>
internal sealed class RemoteStartTransactionHandler(SessionCoordinator sessions, StationRuntime runtime)
    : IOcppHandler<RemoteStartTransactionRequest, RemoteStartTransactionResponse>
{
    public ValueTask<RemoteStartTransactionResponse> HandleAsync(RemoteStartTransactionRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        if (sessions.AcceptRemoteStart(request) is not { } connectorId)
        {
            return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        context.AfterResponse(_ =>
        {
            runtime.Run("remote start", ct => sessions.RemoteStartAsync(connectorId, request.IdTag, request.ChargingProfile, ct));
            return Task.CompletedTask;
        });
        return ValueTask.FromResult(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }
}
