namespace Ocpp16.Messages;

/// <summary>The payload of a CALLRESULT.</summary>
public interface IOcppResponse : IOcppMessage;
