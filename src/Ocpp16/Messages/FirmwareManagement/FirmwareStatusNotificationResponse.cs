namespace Ocpp16.Messages;

/// <summary>FirmwareStatusNotification.conf: the answer to the request that reports the progress of a firmware update (§4.5).</summary>
public sealed record FirmwareStatusNotificationResponse : IOcppResponse;
