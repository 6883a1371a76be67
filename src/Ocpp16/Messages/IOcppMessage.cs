namespace Ocpp16.Messages;

/// <summary>Any OCPP 1.6 payload: a request (.req) or a response (.conf).</summary>
public interface IOcppMessage;
