using Ocpp16.Messages;

namespace Ocpp16.Rpc;

/// <summary>
/// Maps the actions a side serves to their handlers. An action known to OCPP 1.6 without a
/// handler is answered NotSupported; an unknown action NotImplemented.
/// </summary>
public sealed class CallRouter
{
    // Copied on every change and read without a lock: handlers are registered when a side is built
    // and looked up at each incoming CALL. One small object per action, no dictionary: thousands of
    // stations per process each have a router of some 26 actions.
    private readonly Lock _changing = new();
    private volatile Route[] _routes = [];

    /// <summary>
    /// Whether incoming CALLs are answered at all. OCPP 1.6 §4.2: while its registration is
    /// Rejected a Charge Point does not respond to Central System requests.
    /// </summary>
    public Func<bool> IsAnswering { get; set; } = static () => true;

    /// <summary>
    /// Runs the work a handler scheduled with <see cref="IncomingCallContext.AfterResponse"/> once its
    /// answer is sent, given a name for the logs. The owner of the handlers sets it to its own
    /// tracked background work, so that stopping waits for that work and nothing outlives it; when
    /// null, the connection starts the work on the thread pool itself.
    /// </summary>
    public Action<string, Func<CancellationToken, Task>>? AfterResponseRunner { get; set; }

    /// <summary>
    /// Told, with a description, of each frame from the peer that is no valid OCPP-J message: one
    /// that cannot be read, a CALL of an unknown action or whose payload breaks its schema, an
    /// answer that breaks its schema. Not of CALLs refused for what they ask (NotSupported, a
    /// handler's CALLERROR). The security whitepaper's event InvalidMessages comes from here. Called
    /// on the receive loop: it must not block, and an exception it throws is logged and ignored.
    /// </summary>
    public Action<string>? InvalidMessage { get; set; }

    /// <summary>
    /// Told, with the message id and the action, of each CALL whose unique id the peer already used
    /// for one of its last CALLs on the same connection. OCPP-J §4.1.3 forbids that, and a Central
    /// System that resends after a network problem does so on a new connection, so it is a replay
    /// (the security whitepaper's AttemptedReplayAttacks comes from here). When set, each connection
    /// remembers the ids of the peer's last 32 CALLs and answers a repeated one with CALLERROR
    /// SecurityError without running its handler: a replayed RemoteStartTransaction or Reset must not
    /// act twice. When null, nothing is remembered and ids are not checked. Called on the receive
    /// loop: it must not block, and an exception it throws is logged and ignored.
    /// </summary>
    public Action<string, string>? RepeatedCall { get; set; }

    /// <summary>Registers (or replaces) the handler of <paramref name="action"/>.</summary>
    public CallRouter Handle<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, IOcppHandler<TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        Set(action, new HandlerRoute<TRequest, TResponse>(action, handler));
        return this;
    }

    /// <summary>Registers (or replaces) the handler of <paramref name="action"/>.</summary>
    public CallRouter Handle<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action, Func<TRequest, IncomingCallContext, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        Set(action, new DelegateRoute<TRequest, TResponse>(action, handler));
        return this;
    }

    /// <summary>Removes the handler of <paramref name="action"/>, which is then answered NotSupported.</summary>
    public void Remove(OcppAction action) => Set(action, null);

    /// <summary>Whether <paramref name="action"/> has a handler.</summary>
    public bool Handles(OcppAction action) => Find(action) is not null;

    internal bool TryGet(OcppAction action, out Func<IOcppRequest, IncomingCallContext, CancellationToken, ValueTask<IOcppResponse>> handler)
    {
        var route = Find(action);
        handler = route is null ? null! : route.InvokeAsync;
        return route is not null;
    }

    private Route? Find(OcppAction action)
    {
        foreach (var route in _routes)
        {
            if (string.Equals(route.Action.Name, action.Name, StringComparison.Ordinal))
            {
                return route;
            }
        }

        return null;
    }

    private void Set(OcppAction action, Route? route)
    {
        lock (_changing)
        {
            var others = _routes.Where(r => !string.Equals(r.Action.Name, action.Name, StringComparison.Ordinal));
            _routes = route is null ? [.. others] : [.. others, route];
        }
    }

    private abstract class Route(OcppAction action)
    {
        public OcppAction Action { get; } = action;

        public abstract ValueTask<IOcppResponse> InvokeAsync(IOcppRequest request, IncomingCallContext context, CancellationToken cancellationToken);
    }

    private sealed class HandlerRoute<TRequest, TResponse>(OcppAction action, IOcppHandler<TRequest, TResponse> handler) : Route(action)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        public override async ValueTask<IOcppResponse> InvokeAsync(IOcppRequest request, IncomingCallContext context, CancellationToken cancellationToken) =>
            await handler.HandleAsync((TRequest)request, context, cancellationToken).ConfigureAwait(false);
    }

    private sealed class DelegateRoute<TRequest, TResponse>(
        OcppAction action, Func<TRequest, IncomingCallContext, CancellationToken, ValueTask<TResponse>> handler) : Route(action)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        public override async ValueTask<IOcppResponse> InvokeAsync(IOcppRequest request, IncomingCallContext context, CancellationToken cancellationToken) =>
            await handler((TRequest)request, context, cancellationToken).ConfigureAwait(false);
    }
}
