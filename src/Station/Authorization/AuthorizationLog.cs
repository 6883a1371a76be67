using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Authorization;

/// <summary>Log events of the authorization block (event ids 2250–2299).</summary>
internal static partial class AuthorizationLog
{
    [LoggerMessage(EventId = 2250, Level = LogLevel.Information, Message = "idTag {IdTag}: {Status} ({Source})")]
    public static partial void Decided(ILogger logger, string idTag, AuthorizationStatus status, AuthorizationSource source);

    [LoggerMessage(EventId = 2251, Level = LogLevel.Warning, Message = "Authorize for {IdTag} failed ({Reason}); applying the offline rules")]
    public static partial void AuthorizeFailed(ILogger logger, string idTag, string reason);

    [LoggerMessage(EventId = 2252, Level = LogLevel.Information, Message = "Authorization cache cleared")]
    public static partial void CacheCleared(ILogger logger);

    [LoggerMessage(EventId = 2253, Level = LogLevel.Warning, Message = "Authorize for {IdTag} was answered with an error ({Reason}); the Central System is reachable, so the idTag is refused")]
    public static partial void AuthorizeRefusedByError(ILogger logger, string idTag, string reason);
}
