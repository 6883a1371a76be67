using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Authorization;

/// <summary>Answers ClearCache (§5.4).</summary>
internal sealed class ClearCacheHandler(AuthorizationService authorization) : IOcppHandler<ClearCacheRequest, ClearCacheResponse>
{
    public ValueTask<ClearCacheResponse> HandleAsync(ClearCacheRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        authorization.ClearCache();
        return ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
    }
}
