using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Host;

/// <summary>Log events of the host (event ids 3000–3049).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Rebooting after a {Type} reset")]
    public static partial void Rebooting(ILogger logger, ResetType type);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Station {ChargePointId} ({Vendor} {Model}, {Connectors} connector(s)) connecting to {Endpoint}, data in {DataDirectory}")]
    public static partial void Starting(ILogger logger, string chargePointId, string vendor, string model, int connectors, string endpoint, string dataDirectory);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "The station shut down on backup power; the process ends until power is restored (start it again)")]
    public static partial void PoweredDown(ILogger logger);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Rebooting: {Reason}")]
    public static partial void RebootingItself(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Control API request refused ({StatusCode}): {Error}")]
    public static partial void ControlRefused(ILogger logger, int statusCode, string error);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Test hook {Variable} is set: this process kills itself with SIGKILL {KillPoint} of the transaction store")]
    public static partial void KillPointArmed(ILogger logger, string variable, string killPoint);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Warmed up the transaction path in {Milliseconds:0} ms (a throw-away station against an in-process Central System)")]
    public static partial void WarmedUp(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "The warm-up failed, the station starts anyway (its first remote start may be slower): {Reason}")]
    public static partial void WarmUpFailed(ILogger logger, string reason);
}
