using Ocpp16.Json;

namespace Ocpp16.Rpc;

/// <summary>The peer answered with a payload that breaks the OCPP 1.6 schema.</summary>
public sealed class OcppProtocolException(string action, PayloadError error)
    : OcppException($"invalid {action} answer ({error.Code}): {error.Description}")
{
    /// <summary>What was wrong with the answer.</summary>
    public PayloadError Error { get; } = error;
}
