namespace Ocpp16.Messages;

/// <summary>DiagnosticsStatusNotification.conf: the answer to the request that reports the progress of a diagnostics upload (§4.4).</summary>
public sealed record DiagnosticsStatusNotificationResponse : IOcppResponse;
