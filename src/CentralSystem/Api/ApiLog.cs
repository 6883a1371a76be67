using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace CentralSystem.Api;

/// <summary>Log events of the Central System's HTTP API and live event stream (event ids 1100–1149).</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "HTTP API listening on {BaseUrl} (web UI at /, JSON API at /stations, events at /events)")]
    public static partial void Listening(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, PathString path, int statusCode, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "{Action} to station {ChargePointId} from the HTTP API answered {StatusCode}: {Outcome}")]
    public static partial void CallAnswered(ILogger logger, string action, string chargePointId, int statusCode, string outcome);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Default answers changed over the HTTP API: BootNotification {BootStatus} with interval {Interval} s, " +
        "{IdTagCount} idTag statuses, {StartTransactionCount} for StartTransaction only, {ParentCount} parents")]
    public static partial void AnswersChanged(ILogger logger, RegistrationStatus bootStatus, int interval, int idTagCount, int startTransactionCount, int parentCount);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Waiting up to {Seconds} s for {Action} from station {ChargePointId} after frame {After}")]
    public static partial void Waiting(ILogger logger, double seconds, string action, string chargePointId, long? after);
}
