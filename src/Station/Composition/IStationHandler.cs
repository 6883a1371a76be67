using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Composition;

/// <summary>
/// The handler of one Central System CALL, declaring next to itself whether it runs under the
/// station lock. Its side effects that send messages run after its answer (the connection holds
/// the station's CALLs until the answer is out, and <see cref="IncomingCallContext.AfterResponse"/>
/// runs as the station's tracked background work).
/// </summary>
/// <typeparam name="TRequest">The request.</typeparam>
/// <typeparam name="TResponse">The answer.</typeparam>
public interface IStationHandler<in TRequest, TResponse> : IOcppHandler<TRequest, TResponse>
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    /// <summary>Whether the handler runs under the station lock.</summary>
    HandlerLock Lock { get; }
}
