using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Runtime;

namespace Station.Composition;

/// <summary>
/// Where blocks register the handlers of the Central System's CALLs on the station's router, each
/// serialised as it declares (<see cref="IStationHandler{TRequest,TResponse}.Lock"/>). An action
/// OCPP 1.6 knows but no present block registers is answered NotSupported by the router.
/// </summary>
public sealed class HandlerRegistry(CallRouter router, StationRuntime runtime)
{
    private readonly List<string> _actions = [];

    /// <summary>The actions registered, in registration order.</summary>
    public IReadOnlyList<string> Actions => _actions;

    /// <summary>
    /// Where frames from the Central System that are no valid OCPP-J message are told (the security
    /// event InvalidMessages); one block takes them. Called on the receive loop, without the lock.
    /// </summary>
    public void OnInvalidMessage(Action<string> report) => router.InvalidMessage = report;

    /// <summary>
    /// Where CALLs from the Central System that repeat the message id of one of its recent CALLs on
    /// the same connection are told, with the id and the action (the security event
    /// AttemptedReplayAttacks); setting it makes the router refuse them (CALLERROR SecurityError, see
    /// <see cref="CallRouter.RepeatedCall"/>). One block takes them. Called on the receive loop, without the lock.
    /// </summary>
    public void OnRepeatedCall(Action<string, string> report) => router.RepeatedCall = report;

    /// <summary>Registers <paramref name="handler"/> for <paramref name="action"/>; an action is registered once.</summary>
    public void Add<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, IStationHandler<TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        if (router.Handles(action))
        {
            throw new InvalidOperationException($"{action.Name} is registered twice: a CALL has one handler");
        }

        _actions.Add(action.Name);
        if (handler.Lock == HandlerLock.None)
        {
            router.Handle(action, handler);
            return;
        }

        router.Handle(action, new LockedHandler<TRequest, TResponse>(handler, runtime.Lock));
    }
}
