using Microsoft.Extensions.Logging;

namespace Station.Host.Dashboard;

/// <summary>Log events of the dashboard (event ids 3050–3059, in the host's range).</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 3050, Level = LogLevel.Debug, Message = "Dashboard: the station's state could not be read this time ({Reason})")]
    public static partial void StateUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Warning, Message = "Dashboard request refused (400): {Error}")]
    public static partial void Refused(ILogger logger, string error);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Information, Message = "Dashboard: a page watches station {ChargePointId}; its frame log is kept from now on ({Watched} stations watched)")]
    public static partial void Watched(ILogger logger, string chargePointId, int watched);

    [LoggerMessage(EventId = 3053, Level = LogLevel.Information, Message = "Dashboard: the last page of station {ChargePointId} left; its frame log is dropped ({Watched} stations watched)")]
    public static partial void Unwatched(ILogger logger, string chargePointId, int watched);
}
