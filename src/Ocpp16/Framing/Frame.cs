namespace Ocpp16.Framing;

/// <summary>
/// A well-formed OCPP-J frame. The payload (or the error details of a CALLERROR) is a slice of the
/// received message: bind it before the receive buffer is reused.
/// </summary>
public readonly struct Frame
{
    private Frame(MessageTypeId messageType, string messageId, string? action, ReadOnlyMemory<byte> payload, string? errorCode, string? errorDescription)
    {
        MessageType = messageType;
        MessageId = messageId;
        Action = action;
        Payload = payload;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
    }

    /// <summary>CALL, CALLRESULT or CALLERROR.</summary>
    public MessageTypeId MessageType { get; }

    /// <summary>The id that correlates a CALL with its answer.</summary>
    public string MessageId { get; }

    /// <summary>The action of a CALL; null otherwise.</summary>
    public string? Action { get; }

    /// <summary>The payload of a CALL or CALLRESULT, the error details of a CALLERROR.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The error code of a CALLERROR, as sent (it may not be one of <see cref="OcppErrorCode"/>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The error description of a CALLERROR.</summary>
    public string? ErrorDescription { get; }

    internal static Frame Call(string messageId, string action, ReadOnlyMemory<byte> payload) =>
        new(MessageTypeId.Call, messageId, action, payload, null, null);

    internal static Frame CallResult(string messageId, ReadOnlyMemory<byte> payload) =>
        new(MessageTypeId.CallResult, messageId, null, payload, null, null);

    internal static Frame CallError(string messageId, string errorCode, string errorDescription, ReadOnlyMemory<byte> details) =>
        new(MessageTypeId.CallError, messageId, null, details, errorCode, errorDescription);
}
