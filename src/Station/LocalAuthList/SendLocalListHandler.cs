using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.LocalAuthList;

/// <summary>Answers SendLocalList (§5.15); a request that breaks the schema never gets here (the codec answers its CALLERROR).</summary>
internal sealed class SendLocalListHandler(LocalAuthListService list) : IStationHandler<SendLocalListRequest, SendLocalListResponse>
{
    // Under the lock: updates are serialised, and each is stored before it is answered.
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<SendLocalListResponse> HandleAsync(SendLocalListRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new SendLocalListResponse { Status = list.Apply(request) });
}
