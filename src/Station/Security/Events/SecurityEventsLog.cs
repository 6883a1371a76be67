using Microsoft.Extensions.Logging;

namespace Station.Security.Events;

/// <summary>Log events of the security events block (event ids 3100–3149).</summary>
internal static partial class SecurityEventsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Security event {Type} {TechInfo}")]
    public static partial void Happened(ILogger logger, string type, string techInfo);
}
