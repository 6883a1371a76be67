namespace Ocpp16.Messages;

/// <summary>StatusNotification.conf: the answer to the request that reports the status of a connector, or of the Charge Point as connector 0 (§4.9).</summary>
public sealed record StatusNotificationResponse : IOcppResponse;
