using Microsoft.Extensions.Logging;

namespace Station.Security.Connection;

/// <summary>Log events of the connection security block (event ids 3450–3499). Never a password or a key.</summary>
internal static partial class SecurityProfileLog
{
    [LoggerMessage(EventId = 3450, Level = LogLevel.Information, Message = "Security profile {Profile} accepted (was {Previous}); reconnecting with it")]
    public static partial void ProfileChanged(ILogger logger, int profile, int previous);

    [LoggerMessage(EventId = 3451, Level = LogLevel.Information, Message = "Connected with security profile {Profile}")]
    public static partial void ProfileConfirmed(ILogger logger, int profile);

    [LoggerMessage(EventId = 3452, Level = LogLevel.Warning, Message = "Security profile {Profile} failed {Attempts} connection attempts; falling back to profile {Previous}")]
    public static partial void FallingBack(ILogger logger, int profile, int attempts, int previous);

    [LoggerMessage(EventId = 3453, Level = LogLevel.Information, Message = "AuthorizationKey changed; reconnecting with the new password")]
    public static partial void KeyChanged(ILogger logger);

    [LoggerMessage(EventId = 3454, Level = LogLevel.Warning, Message = "Connection at security profile {Profile} refused ({Event}): {Reason}")]
    public static partial void Refused(ILogger logger, int profile, string @event, string reason);

    [LoggerMessage(EventId = 3455, Level = LogLevel.Information, Message = "The charge point certificate was replaced; reconnecting with it (security profile 3)")]
    public static partial void CertificateReplaced(ILogger logger);

    [LoggerMessage(EventId = 3456, Level = LogLevel.Information, Message = "Security profile {Profile} is still on trial after a restart ({Attempts} failed attempts); " +
        "it falls back to profile {Previous} if it cannot connect")]
    public static partial void TrialResumed(ILogger logger, int profile, int attempts, int previous);
}
