using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Reservation;

/// <summary>Answers CancelReservation (§5.1); the connector's StatusNotification Available follows the answer.</summary>
internal sealed class CancelReservationHandler(ReservationService reservations) : IStationHandler<CancelReservationRequest, CancelReservationResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<CancelReservationResponse> HandleAsync(CancelReservationRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new CancelReservationResponse { Status = reservations.Cancel(request.ReservationId) });
}
