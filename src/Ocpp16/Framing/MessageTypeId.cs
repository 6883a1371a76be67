namespace Ocpp16.Framing;

/// <summary>The first element of every OCPP-J frame (OCPP-J 1.6 §4.1.3).</summary>
public enum MessageTypeId
{
    /// <summary><c>[2, id, action, payload]</c>: a request.</summary>
    Call = 2,

    /// <summary><c>[3, id, payload]</c>: the answer to a request.</summary>
    CallResult = 3,

    /// <summary><c>[4, id, errorCode, errorDescription, errorDetails]</c>: the failure of a request.</summary>
    CallError = 4,
}
