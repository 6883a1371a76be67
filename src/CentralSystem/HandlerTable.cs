using System.Collections.Concurrent;
using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>
/// Answers by action name: one table holds the defaults, one the server-wide overrides, one the
/// overrides of each session. Replaced at any time, from any thread.
/// </summary>
internal sealed class HandlerTable
{
    private readonly ConcurrentDictionary<string, ErasedHandler> _handlers = new(StringComparer.Ordinal);

    public void Set<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action, Func<StationSession, TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (action.Direction == MessageDirection.CentralSystemToChargePoint)
        {
            throw new ArgumentException(
                $"{action.Name} is sent by the Central System, not answered by it: send it with StationSession.CallAsync", nameof(action));
        }

        _handlers[action.Name] = async (session, request, cancellationToken) =>
            await handler(session, (TRequest)request, cancellationToken).ConfigureAwait(false);
    }

    public void Set<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, Func<StationSession, TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(handler);
        Set(action, (session, request, _) => ValueTask.FromResult(handler(session, request)));
    }

    public void Remove(OcppAction action) => _handlers.TryRemove(action.Name, out _);

    public bool TryGet(string action, out ErasedHandler handler) => _handlers.TryGetValue(action, out handler!);
}
