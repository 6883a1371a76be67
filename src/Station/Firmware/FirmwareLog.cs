using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Firmware;

/// <summary>Log events of the firmware block (event ids 2700–2749).</summary>
internal static partial class FirmwareLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "Firmware update from {Location} accepted: retrieve from {RetrieveDate:O}, {Retries} retries every {IntervalSeconds} s")]
    public static partial void Accepted(ILogger logger, string location, DateTimeOffset retrieveDate, int retries, double intervalSeconds);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Firmware update waits for its retrieve date {RetrieveDate:O}")]
    public static partial void WaitingForRetrieveDate(ILogger logger, DateTimeOffset retrieveDate);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "Firmware download attempt {Attempt} failed: {Reason}; retrying in {Seconds} s")]
    public static partial void AttemptFailed(ILogger logger, int attempt, string reason, double seconds);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "Firmware download failed after {Attempts} attempt(s): {Reason}")]
    public static partial void DownloadFailed(ILogger logger, int attempts, string reason);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Information, Message = "Firmware downloaded and verified: {Path} ({Bytes} bytes)")]
    public static partial void Downloaded(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Information, Message = "Firmware installation waits until {Transactions} transaction(s) end")]
    public static partial void WaitingForTransactions(ILogger logger, int transactions);

    [LoggerMessage(EventId = 2706, Level = LogLevel.Information, Message = "Installing firmware {Path}; connectors are Unavailable")]
    public static partial void Installing(ILogger logger, string path);

    [LoggerMessage(EventId = 2707, Level = LogLevel.Information, Message = "Firmware {Version} installed; rebooting")]
    public static partial void Installed(ILogger logger, string version);

    [LoggerMessage(EventId = 2708, Level = LogLevel.Warning, Message = "Firmware installation failed: {Reason}")]
    public static partial void InstallationFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2709, Level = LogLevel.Information, Message = "Firmware status {Status} queued for delivery after the reboot")]
    public static partial void ReportedAfterBoot(ILogger logger, FirmwareStatus status);

    [LoggerMessage(EventId = 2710, Level = LogLevel.Warning, Message = "UpdateFirmware from {Location} ignored: an installation is in progress")]
    public static partial void IgnoredWhileInstalling(ILogger logger, string location);

    [LoggerMessage(EventId = 2711, Level = LogLevel.Warning, Message = "The station restarted while installing firmware; the installation counts as failed")]
    public static partial void InstallationInterrupted(ILogger logger);

    [LoggerMessage(EventId = 2712, Level = LogLevel.Warning, Message = "FirmwareStatusNotification {Status} not delivered: {Reason}")]
    public static partial void NotificationFailed(ILogger logger, FirmwareStatus status, string reason);

    [LoggerMessage(EventId = 2713, Level = LogLevel.Information, Message = "A new UpdateFirmware replaces the update from {Location}")]
    public static partial void Superseded(ILogger logger, string location);

    [LoggerMessage(EventId = 2714, Level = LogLevel.Warning, Message = "A stored firmware update from {Location} is dropped: this station has no file transfer")]
    public static partial void DroppedWithoutTransfer(ILogger logger, string location);

    [LoggerMessage(EventId = 2715, Level = LogLevel.Warning, Message = "The firmware installer failed")]
    public static partial void InstallerThrew(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2716, Level = LogLevel.Warning, Message = "SignedUpdateFirmware #{RequestId} not accepted: {Reason}")]
    public static partial void SignedRejected(ILogger logger, int requestId, string reason);

    [LoggerMessage(EventId = 2717, Level = LogLevel.Warning, Message = "Signed firmware #{RequestId} is not installed: {Reason}")]
    public static partial void InvalidSignature(ILogger logger, int requestId, string reason);
}
