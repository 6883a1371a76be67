using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Authorization;

/// <summary>Answers ClearCache (§5.4).</summary>
internal sealed class ClearCacheHandler(AuthorizationService authorization) : IStationHandler<ClearCacheRequest, ClearCacheResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ClearCacheResponse> HandleAsync(ClearCacheRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        authorization.ClearCache();
        return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
    }
}
