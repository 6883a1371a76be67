namespace Ocpp16.Messages;

/// <summary>The payload of a CALL.</summary>
public interface IOcppRequest : IOcppMessage;
