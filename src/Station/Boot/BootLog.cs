using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Boot;

/// <summary>Log events of the boot block (event ids 2400–2449).</summary>
internal static partial class BootLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "BootNotification answered {Status}, interval {Interval} s")]
    public static partial void Answered(ILogger logger, RegistrationStatus status, int interval);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "BootNotification failed ({Reason}); retrying in {Seconds} s")]
    public static partial void Failed(ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Heartbeat failed: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Reset {Type} accepted: stopping transactions and rebooting")]
    public static partial void Resetting(ILogger logger, ResetType type);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Warning, Message = "Mains power failed: stopping transactions on backup power and shutting down")]
    public static partial void PoweringDown(ILogger logger);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Information, Message = "Heartbeat interval {Requested} s from the Central System is outside {Range}; using {Used} s")]
    public static partial void HeartbeatClamped(ILogger logger, int requested, string range, string used);
}
