using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.LocalAuthList;

/// <summary>Log events of the Local Authorization List block (event ids 2900–2949).</summary>
internal static partial class LocalAuthListLog
{
    [LoggerMessage(EventId = 2900, Level = LogLevel.Information, Message = "Local Authorization List: {UpdateType} update applied, version {Version}, {Count} entries")]
    public static partial void Updated(ILogger logger, UpdateType updateType, int version, int count);

    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "SendLocalList {UpdateType} listVersion {ListVersion} answered {Status}: {Reason}; the list is unchanged")]
    public static partial void Refused(ILogger logger, UpdateType updateType, int listVersion, UpdateStatus status, string reason);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "SendLocalList {UpdateType} listVersion {ListVersion} could not be stored; answered Failed, the list is unchanged")]
    public static partial void StoreFailed(ILogger logger, Exception exception, UpdateType updateType, int listVersion);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Information, Message = "Local Authorization List loaded: version {Version}, {Count} entries")]
    public static partial void Loaded(ILogger logger, int version, int count);
}
