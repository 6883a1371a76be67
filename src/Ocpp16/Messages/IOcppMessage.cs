namespace Ocpp16.Messages;

/// <summary>Any OCPP 1.6 payload: a request (.req) or a response (.conf).</summary>
public interface IOcppMessage;

/// <summary>The payload of a CALL.</summary>
public interface IOcppRequest : IOcppMessage;

/// <summary>The payload of a CALL whose CALLRESULT carries <typeparamref name="TResponse"/>.</summary>
/// <typeparam name="TResponse">The matching .conf payload.</typeparam>
public interface IOcppRequest<TResponse> : IOcppRequest
    where TResponse : IOcppResponse;

/// <summary>The payload of a CALLRESULT.</summary>
public interface IOcppResponse : IOcppMessage;
