using Ocpp16.Messages;
using Station.Connection;

namespace Station.Firmware;

/// <summary>
/// The firmware block's status and its notifications: FirmwareStatusNotification for an
/// UpdateFirmware, SignedFirmwareStatusNotification (with its requestId and the whitepaper's
/// statuses) for a SignedUpdateFirmware; queued durably, as they are owed across a power loss.
/// Used under the station lock.
/// </summary>
internal sealed class FirmwareNotifier(IDurableQueue notifications)
{
    private FirmwareStatusEnumType? _status;
    private int? _requestId;

    /// <summary>What a triggered FirmwareStatusNotification reports: the step in progress, else Idle.</summary>
    public FirmwareStatus Status => _status switch
    {
        FirmwareStatusEnumType.Downloading => FirmwareStatus.Downloading,
        FirmwareStatusEnumType.Downloaded or FirmwareStatusEnumType.SignatureVerified or FirmwareStatusEnumType.InstallScheduled => FirmwareStatus.Downloaded,
        FirmwareStatusEnumType.Installing or FirmwareStatusEnumType.InstallRebooting => FirmwareStatus.Installing,
        _ => FirmwareStatus.Idle,
    };

    /// <summary>What a triggered SignedFirmwareStatusNotification reports: the step in progress with its requestId, else Idle.</summary>
    public SignedFirmwareStatusNotificationRequest SignedStatus => _status is { } status
        ? new SignedFirmwareStatusNotificationRequest { Status = status, RequestId = _requestId }
        : new SignedFirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle };

    /// <summary>Forgets the status (a new request replaces the update).</summary>
    public void Clear()
    {
        _status = null;
        _requestId = null;
    }

    /// <summary>Sets the status of <paramref name="update"/> and queues its notification.</summary>
    public void Notify(FirmwareUpdate update, FirmwareStatusEnumType status)
    {
        var inProgress = status is FirmwareStatusEnumType.Downloading or FirmwareStatusEnumType.Downloaded or FirmwareStatusEnumType.SignatureVerified
            or FirmwareStatusEnumType.DownloadScheduled or FirmwareStatusEnumType.InstallScheduled or FirmwareStatusEnumType.Installing
            or FirmwareStatusEnumType.InstallRebooting;
        _status = inProgress ? status : null;
        _requestId = inProgress ? update.RequestId : null;
        if (update.RequestId is { } requestId)
        {
            notifications.Enqueue(new SignedFirmwareStatusNotificationRequest { Status = status, RequestId = requestId });
        }
        else if (Core(status) is { } core)
        {
            notifications.Enqueue(new FirmwareStatusNotificationRequest { Status = core });
        }
    }

    /// <summary>Queues the status owed after a reboot (Installed), signed when the update was.</summary>
    public void NotifyAfterBoot(FirmwareStatus status, int? requestId)
    {
        if (requestId is { } id && Signed(status) is { } signed)
        {
            notifications.Enqueue(new SignedFirmwareStatusNotificationRequest { Status = signed, RequestId = id });
        }
        else
        {
            notifications.Enqueue(new FirmwareStatusNotificationRequest { Status = status });
        }
    }

    // The statuses of OCPP 1.6 core; the whitepaper's own (SignatureVerified, …) have no notification there.
    private static FirmwareStatus? Core(FirmwareStatusEnumType status) => status switch
    {
        FirmwareStatusEnumType.Downloading => FirmwareStatus.Downloading,
        FirmwareStatusEnumType.Downloaded => FirmwareStatus.Downloaded,
        FirmwareStatusEnumType.DownloadFailed => FirmwareStatus.DownloadFailed,
        FirmwareStatusEnumType.Installing => FirmwareStatus.Installing,
        FirmwareStatusEnumType.Installed => FirmwareStatus.Installed,
        FirmwareStatusEnumType.InstallationFailed => FirmwareStatus.InstallationFailed,
        FirmwareStatusEnumType.Idle => FirmwareStatus.Idle,
        _ => null,
    };

    private static FirmwareStatusEnumType? Signed(FirmwareStatus status) => status switch
    {
        FirmwareStatus.Installed => FirmwareStatusEnumType.Installed,
        FirmwareStatus.InstallationFailed => FirmwareStatusEnumType.InstallationFailed,
        _ => null,
    };
}
