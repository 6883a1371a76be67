namespace Ocpp16.Rpc;

/// <summary>There is no connection to send on, or it closed before the answer arrived.</summary>
public sealed class OcppNotConnectedException(string message, Exception? inner = null) : OcppException(message, inner);
