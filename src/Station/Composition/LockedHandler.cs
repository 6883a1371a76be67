using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Runtime;

namespace Station.Composition;

/// <summary>
/// A handler run under the station lock (<see cref="HandlerLock.Station"/>): one object per
/// registered action rather than a closure and its delegates, for thousands of stations per process.
/// </summary>
internal sealed class LockedHandler<TRequest, TResponse>(IOcppHandler<TRequest, TResponse> handler, StationLock stationLock) : IOcppHandler<TRequest, TResponse>
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    public async ValueTask<TResponse> HandleAsync(TRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        using (await stationLock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            return await handler.HandleAsync(request, context, cancellationToken).ConfigureAwait(false);
        }
    }
}
