using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.SmartCharging;

/// <summary>Answers SetChargingProfile (§5.16): Accepted and installed (persisted), or Rejected with nothing installed.</summary>
internal sealed class SetChargingProfileHandler(SmartChargingService profiles) : IStationHandler<SetChargingProfileRequest, SetChargingProfileResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<SetChargingProfileResponse> HandleAsync(SetChargingProfileRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new SetChargingProfileResponse { Status = profiles.Set(request).Status });
}
