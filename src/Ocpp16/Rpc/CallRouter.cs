using System.Collections.Concurrent;
using Ocpp16.Messages;

namespace Ocpp16.Rpc;

/// <summary>
/// Maps the actions a side serves to their handlers. An action known to OCPP 1.6 without a
/// handler is answered NotSupported; an unknown action NotImplemented.
/// </summary>
public sealed class CallRouter
{
    private readonly ConcurrentDictionary<string, Func<IOcppRequest, IncomingCallContext, CancellationToken, ValueTask<IOcppResponse>>> _handlers =
        new(StringComparer.Ordinal);

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
        where TResponse : class, IOcppResponse =>
        Handle(action, handler.HandleAsync);

    /// <summary>Registers (or replaces) the handler of <paramref name="action"/>.</summary>
    public CallRouter Handle<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action, Func<TRequest, IncomingCallContext, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        _handlers[action.Name] = async (request, context, cancellationToken) =>
            await handler((TRequest)request, context, cancellationToken).ConfigureAwait(false);
        return this;
    }

    /// <summary>Removes the handler of <paramref name="action"/>, which is then answered NotSupported.</summary>
    public void Remove(OcppAction action) => _handlers.TryRemove(action.Name, out _);

    /// <summary>Whether <paramref name="action"/> has a handler.</summary>
    public bool Handles(OcppAction action) => _handlers.ContainsKey(action.Name);

    internal bool TryGet(OcppAction action, out Func<IOcppRequest, IncomingCallContext, CancellationToken, ValueTask<IOcppResponse>> handler) =>
        _handlers.TryGetValue(action.Name, out handler!);
}
