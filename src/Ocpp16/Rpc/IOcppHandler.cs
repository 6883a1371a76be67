using Ocpp16.Messages;

namespace Ocpp16.Rpc;

/// <summary>Serves one kind of incoming CALL.</summary>
/// <typeparam name="TRequest">The .req payload.</typeparam>
/// <typeparam name="TResponse">The .conf payload.</typeparam>
public interface IOcppHandler<in TRequest, TResponse>
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    /// <summary>
    /// Answers the request. Throw <see cref="OcppCallErrorException"/> to answer with a CALLERROR;
    /// any other exception is answered with InternalError and logged.
    /// </summary>
    ValueTask<TResponse> HandleAsync(TRequest request, IncomingCallContext context, CancellationToken cancellationToken = default);
}
