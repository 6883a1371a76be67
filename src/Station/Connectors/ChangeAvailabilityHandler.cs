using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Connectors;

/// <summary>Answers ChangeAvailability (§5.2).</summary>
internal sealed class ChangeAvailabilityHandler(ConnectorService connectors) : IStationHandler<ChangeAvailabilityRequest, ChangeAvailabilityResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ChangeAvailabilityResponse> HandleAsync(ChangeAvailabilityRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ChangeAvailabilityResponse { Status = connectors.ChangeAvailability(request.ConnectorId, request.Type) });
}
