namespace Ocpp16.Messages;

/// <summary>LogStatusNotification.conf: the answer to the request that reports the progress of a log upload.</summary>
public sealed record LogStatusNotificationResponse : IOcppResponse;
