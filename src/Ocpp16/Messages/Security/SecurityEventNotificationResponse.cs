namespace Ocpp16.Messages;

/// <summary>SecurityEventNotification.conf: the answer to the request that reports a security event to the Central System.</summary>
public sealed record SecurityEventNotificationResponse : IOcppResponse;
