using System.Net;
using Microsoft.Extensions.Logging;

namespace CentralSystem;

/// <summary>Log events of the built-in Central System (event ids 1000–1099; retired ids are never reused).</summary>
internal static partial class CentralSystemLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Central System listening on {Endpoint}/{{chargePointId}}")]
    public static partial void Listening(ILogger logger, Uri endpoint);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Central System stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Station {ChargePointId} connected from {RemoteAddress}")]
    public static partial void StationConnected(ILogger logger, string chargePointId, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Station {ChargePointId} disconnected after {FrameCount} frames")]
    public static partial void StationDisconnected(ILogger logger, string chargePointId, long frameCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Station {ChargePointId} connected again; closing its previous connection")]
    public static partial void StationReplaced(ILogger logger, string chargePointId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 404: charge points connect to {Expected}/{{chargePointId}}")]
    public static partial void RefusedPath(ILogger logger, string method, string path, string expected);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Refused {Method} for station {ChargePointId} with 400: not a WebSocket upgrade request")]
    public static partial void RefusedNotWebSocket(ILogger logger, string method, string chargePointId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Refused station {ChargePointId} with 400: it offered the subprotocols [{Offered}], not ocpp1.6")]
    public static partial void RefusedSubprotocol(ILogger logger, string chargePointId, string offered);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Refused station {ChargePointId} with 401: {Problem}")]
    public static partial void RefusedCredentials(ILogger logger, string chargePointId, string problem);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Station {ChargePointId} has recorded more than {Limit} frames; the oldest are dropped from its history from now on")]
    public static partial void FrameHistoryFull(ILogger logger, string chargePointId, int limit);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "A FrameRecorded handler of station {ChargePointId} failed")]
    public static partial void FrameHandlerFailed(ILogger logger, string chargePointId, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Station {ChargePointId} did not complete the close handshake within {Seconds} s; aborting the connection")]
    public static partial void CloseTimedOut(ILogger logger, string chargePointId, double seconds);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "A StationConnected or StationDisconnected handler failed for station {ChargePointId}")]
    public static partial void StationHandlerFailed(ILogger logger, string chargePointId, Exception exception);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Error, Message = "An AnswersChanged handler failed")]
    public static partial void AnswersHandlerFailed(ILogger logger, Exception exception);
}
