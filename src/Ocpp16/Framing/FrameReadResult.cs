namespace Ocpp16.Framing;

/// <summary>
/// The outcome of reading a received message: a <see cref="Frame"/>, or why it is not one. A
/// refused frame keeps its message id when it could be read, so a refused CALL can be answered.
/// </summary>
public readonly struct FrameReadResult
{
    private FrameReadResult(Frame frame)
    {
        IsValid = true;
        Frame = frame;
        MessageId = frame.MessageId;
        MessageType = frame.MessageType;
        Error = string.Empty;
    }

    private FrameReadResult(MessageTypeId? messageType, string? messageId, OcppErrorCode errorCode, string error)
    {
        MessageType = messageType;
        MessageId = messageId;
        ErrorCode = errorCode;
        Error = error;
    }

    /// <summary>True when the message is a well-formed OCPP-J frame.</summary>
    public bool IsValid { get; }

    /// <summary>The frame, when <see cref="IsValid"/>.</summary>
    public Frame Frame { get; }

    /// <summary>The message type, when it could be read.</summary>
    public MessageTypeId? MessageType { get; }

    /// <summary>The message id, when it could be read.</summary>
    public string? MessageId { get; }

    /// <summary>The CALLERROR code that answers a refused CALL.</summary>
    public OcppErrorCode ErrorCode { get; }

    /// <summary>Why the message was refused.</summary>
    public string Error { get; }

    internal static FrameReadResult Valid(Frame frame) => new(frame);

    internal static FrameReadResult Invalid(MessageTypeId? messageType, string? messageId, OcppErrorCode errorCode, string error) =>
        new(messageType, messageId, errorCode, error);
}
