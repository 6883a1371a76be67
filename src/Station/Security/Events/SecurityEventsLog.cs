using Microsoft.Extensions.Logging;

namespace Station.Security.Events;

/// <summary>Log events of the security events block (event ids 3100–3149).</summary>
internal static partial class SecurityEventsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Security event {Type} {TechInfo}")]
    public static partial void Happened(ILogger logger, string type, string techInfo);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error,
        Message = "Security event {Type} could not be written to the security log ({Reason}); kept in memory and sent, lost if the station restarts first")]
    public static partial void NotPersisted(ILogger logger, string type, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Security log cleared: {Removed} delivered entries removed")]
    public static partial void Cleared(ILogger logger, int removed);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Security log not cleared: it could not be written ({Reason})")]
    public static partial void NotCleared(ILogger logger, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Tamper detection activated: {Sensor}")]
    public static partial void TamperDetected(ILogger logger, string sensor);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "The Central System repeated the message id {MessageId} of an earlier {Action} on this connection: refused as a replay")]
    public static partial void ReplayRefused(ILogger logger, string messageId, string action);
}
