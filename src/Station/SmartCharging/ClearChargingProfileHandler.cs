using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.SmartCharging;

/// <summary>Answers ClearChargingProfile (§5.5): by id, or by any combination of connectorId, purpose and stackLevel.</summary>
internal sealed class ClearChargingProfileHandler(SmartChargingService profiles) : IStationHandler<ClearChargingProfileRequest, ClearChargingProfileResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ClearChargingProfileResponse> HandleAsync(ClearChargingProfileRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ClearChargingProfileResponse { Status = profiles.Clear(request) });
}
