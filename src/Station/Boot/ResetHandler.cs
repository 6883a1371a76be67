using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Boot;

/// <summary>Answers Reset (§5.14) and reboots after the answer.</summary>
internal sealed class ResetHandler(IStationLifecycle lifecycle) : IStationHandler<ResetRequest, ResetResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ResetResponse> HandleAsync(ResetRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        context.AfterResponse(cancellationToken => lifecycle.RebootAsync(request.Type, cancellationToken));
        return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
    }
}
