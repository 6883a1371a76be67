namespace Ocpp16.Rpc;

/// <summary>The peer did not answer a CALL within the response timeout.</summary>
public sealed class OcppCallTimeoutException(string action, TimeSpan timeout)
    : OcppException($"no answer to {action} within {timeout.TotalSeconds:0.###} s")
{
    /// <summary>The action that was not answered.</summary>
    public string Action { get; } = action;
}
