using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Security.Logs;

/// <summary>Log events of the log upload block (event ids 3150–3199).</summary>
internal static partial class LogsLog
{
    [LoggerMessage(EventId = 3150, Level = LogLevel.Information, Message = "GetLog {LogType} #{RequestId} accepted: {FileName} to {Location}")]
    public static partial void Accepted(ILogger logger, LogEnumType logType, int requestId, string fileName, string location);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Warning, Message = "GetLog {LogType} #{RequestId} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, LogEnumType logType, int requestId, string reason);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Information, Message = "GetLog #{RequestId} cancels the log upload in progress")]
    public static partial void Canceling(ILogger logger, int requestId);
}
