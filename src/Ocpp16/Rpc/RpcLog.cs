using Microsoft.Extensions.Logging;
using Ocpp16.Framing;

namespace Ocpp16.Rpc;

/// <summary>Log events of the OCPP-J RPC layer (event ids 100–199).</summary>
internal static partial class RpcLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Refused frame ({ErrorCode}): {Error}; answered with CALLERROR {MessageId}")]
    public static partial void RefusedCall(ILogger logger, OcppErrorCode errorCode, string error, string messageId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Dropped a frame whose message id cannot be read ({ErrorCode}): {Error}")]
    public static partial void DroppedUnreadableFrame(ILogger logger, OcppErrorCode errorCode, string error);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Ignored a {MessageType} for unknown message id {MessageId}")]
    public static partial void UnknownMessageId(ILogger logger, MessageTypeId messageType, string messageId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Invalid {MessageType} {MessageId}: {Error}")]
    public static partial void InvalidAnswer(ILogger logger, MessageTypeId? messageType, string messageId, string error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Handler of {Action} failed; answered InternalError")]
    public static partial void HandlerFailed(ILogger logger, string action, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Not answering {Action} {MessageId}: incoming calls are not answered in this state")]
    public static partial void NotAnswering(ILogger logger, string action, string messageId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Work after the answer to {Action} failed")]
    public static partial void AfterResponseFailed(ILogger logger, string action, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Connection closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string reason);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Refused CALL {Action} {MessageId} ({ErrorCode}): {Error}")]
    public static partial void RefusedPayload(ILogger logger, string action, string messageId, OcppErrorCode errorCode, string error);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "Connected to the Central System")]
    public static partial void Connected(ILogger logger);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Connection attempt {Attempt} failed: {Reason}; next attempt in {DelaySeconds:0.0} s")]
    public static partial void ConnectFailed(ILogger logger, int attempt, string reason, double delaySeconds);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "A frame observer failed; the frame was processed anyway")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Serving a connection failed unexpectedly; reconnecting")]
    public static partial void ServeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Disconnected; reconnecting in {DelaySeconds:0.0} s")]
    public static partial void Reconnecting(ILogger logger, double delaySeconds);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Not answering refused frame {MessageId} ({ErrorCode}): {Error}; incoming calls are not answered in this state")]
    public static partial void NotAnsweringRefusedCall(ILogger logger, string messageId, OcppErrorCode errorCode, string error);

    [LoggerMessage(EventId = 119, Level = LogLevel.Warning, Message = "{Action} was held {Seconds} s for the answer to an incoming CALL and is given up: a handler must not await its own CALLs")]
    public static partial void HeldTooLong(ILogger logger, string action, double seconds);

    [LoggerMessage(EventId = 115, Level = LogLevel.Warning, Message = "Tolerated in the {Action} answer {MessageId}: {Leniency} at {Paths} " +
        "(logged once per connection, action and kind; strict answers refuse it)")]
    public static partial void ToleratedAnswer(ILogger logger, string action, string messageId, string leniency, string paths);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "Closed the connection with 1009 (Message Too Big): a received message exceeded {Limit} bytes")]
    public static partial void MessageTooLarge(ILogger logger, int limit);

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "The InvalidMessage handler failed; the frame was processed anyway")]
    public static partial void InvalidMessageHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "The RepeatedCall handler failed; the repeated CALL was refused anyway")]
    public static partial void RepeatedCallHandlerFailed(ILogger logger, Exception exception);
}
