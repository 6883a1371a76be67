using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Runtime;

namespace Station.Boot;

/// <summary>Answers Reset (§5.14) and reboots after the answer.</summary>
internal sealed class ResetHandler(IRebooter rebooter, StationRuntime runtime) : IOcppHandler<ResetRequest, ResetResponse>
{
    public ValueTask<ResetResponse> HandleAsync(ResetRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        context.AfterResponse(_ =>
        {
            runtime.Run($"{request.Type} reset", ct => rebooter.RebootAsync(request.Type, ct));
            return Task.CompletedTask;
        });
        return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
    }
}
