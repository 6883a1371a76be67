using Ocpp16.Messages;

namespace Station.Firmware;

/// <summary>The firmware block's durable state.</summary>
public sealed record StoredFirmware
{
    /// <summary>Nothing installed yet, nothing pending.</summary>
    public static StoredFirmware Empty { get; } = new();

    /// <summary>The version an update installed; null while the model's version still runs.</summary>
    public string? InstalledVersion { get; init; }

    /// <summary>The FirmwareStatusNotification owed after the next accepted BootNotification (Installed), if any.</summary>
    public FirmwareStatus? ReportAfterBoot { get; init; }

    /// <summary>The update in progress, if any.</summary>
    public FirmwareUpdate? Update { get; init; }

    /// <summary>The requestId of the signed update whose status is owed after the reboot; null for an UpdateFirmware.</summary>
    public int? ReportAfterBootRequestId { get; init; }
}
