using Microsoft.Extensions.Logging;

namespace Station.Runtime;

/// <summary>Log events of the station runtime (event ids 2000–2049).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Background work '{Name}' failed")]
    public static partial void BackgroundWorkFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "The clock moved {Seconds} s to the Central System's time; correcting the times of messages not sent yet")]
    public static partial void ClockJumped(ILogger logger, double seconds);
}
