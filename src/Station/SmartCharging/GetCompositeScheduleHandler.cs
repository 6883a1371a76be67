using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.SmartCharging;

/// <summary>Answers GetCompositeSchedule (§5.7) for connector n or the whole station (0); Rejected for an unknown connector.</summary>
internal sealed class GetCompositeScheduleHandler(SmartChargingService profiles) : IStationHandler<GetCompositeScheduleRequest, GetCompositeScheduleResponse>
{
    // It reads the profiles and the transactions, which the lock keeps consistent with each other.
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<GetCompositeScheduleResponse> HandleAsync(GetCompositeScheduleRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(profiles.Composite(request));
}
