namespace Ocpp16.Messages;

/// <summary>SignedFirmwareStatusNotification.conf: the answer to the request that reports the progress of a signed firmware update.</summary>
public sealed record SignedFirmwareStatusNotificationResponse : IOcppResponse;
