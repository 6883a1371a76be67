using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Reservation;

/// <summary>Answers ReserveNow (§5.13); an Accepted reservation's StatusNotification Reserved follows the answer.</summary>
internal sealed class ReserveNowHandler(ReservationService reservations) : IStationHandler<ReserveNowRequest, ReserveNowResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ReserveNowResponse> HandleAsync(ReserveNowRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ReserveNowResponse { Status = reservations.Reserve(request) });
}
