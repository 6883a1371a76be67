using Microsoft.Extensions.Logging;

namespace Station.Connection;

/// <summary>Log events of the connection block (event ids 2150–2199).</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 2150, Level = LogLevel.Warning, Message = "Dropped a queued {Action}: the outgoing queue is full")]
    public static partial void Dropped(ILogger logger, string action);

    [LoggerMessage(EventId = 2151, Level = LogLevel.Debug, Message = "Not sending {Action}: offline")]
    public static partial void NotSentOffline(ILogger logger, string action);

    [LoggerMessage(EventId = 2152, Level = LogLevel.Warning, Message = "{Action} failed: {Reason}")]
    public static partial void NotificationFailed(ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 2153, Level = LogLevel.Warning, Message = "A stored {Action} #{Sequence} cannot be read and is dropped")]
    public static partial void NotificationUnreadable(ILogger logger, string action, long sequence);

    [LoggerMessage(EventId = 2154, Level = LogLevel.Warning, Message = "The Central System refused {Action} #{Sequence}; it is not sent again: {Reason}")]
    public static partial void NotificationRefused(ILogger logger, string action, long sequence, string reason);

    [LoggerMessage(EventId = 2155, Level = LogLevel.Warning, Message = "Requested {Action} not delivered: {Reason}")]
    public static partial void RequestedNotDelivered(ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 2156, Level = LogLevel.Warning, Message = "No answer to {Action} ({Reason}): the connection may be half-open; it is closed and dialled anew")]
    public static partial void NoAnswer(ILogger logger, string action, string reason);
}
