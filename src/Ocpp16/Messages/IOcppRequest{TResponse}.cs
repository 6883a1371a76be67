namespace Ocpp16.Messages;

/// <summary>The payload of a CALL whose CALLRESULT carries <typeparamref name="TResponse"/>.</summary>
/// <typeparam name="TResponse">The matching .conf payload.</typeparam>
public interface IOcppRequest<TResponse> : IOcppRequest
    where TResponse : IOcppResponse;
