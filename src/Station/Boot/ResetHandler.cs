using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;
using Station.Security;

namespace Station.Boot;

/// <summary>Answers Reset (§5.14) and reboots after the answer; the security log records it.</summary>
internal sealed class ResetHandler(IStationLifecycle lifecycle, ISecurityEvents? securityEvents) : IStationHandler<ResetRequest, ResetResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ResetResponse> HandleAsync(ResetRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        // Sent after the reboot's BootNotification, with the time of the Reset (whitepaper: ResetOrReboot).
        securityEvents?.ReportOnNextConnection(SecurityEventTypes.ResetOrReboot, $"{request.Type} reset requested by the Central System");
        context.AfterResponse(cancellationToken => lifecycle.RebootAsync(request.Type, cancellationToken));
        return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Accepted });
    }
}
