using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>
/// The progress of a signed firmware update that SignedFirmwareStatusNotification reports (security whitepaper FirmwareStatusEnumType).
/// Not the 1.6 <see cref="FirmwareStatus"/>: it adds the scheduling, pausing, verification and signature states.
/// </summary>
[JsonConverter(typeof(OcppEnumConverter<FirmwareStatusEnumType>))]
public enum FirmwareStatusEnumType
{
    /// <summary>Downloaded: the firmware was downloaded.</summary>
    Downloaded,

    /// <summary>DownloadFailed: the download failed.</summary>
    DownloadFailed,

    /// <summary>Downloading: the firmware is being downloaded.</summary>
    Downloading,

    /// <summary>DownloadScheduled: the download waits for its retrieveDateTime.</summary>
    DownloadScheduled,

    /// <summary>DownloadPaused: the download is paused.</summary>
    DownloadPaused,

    /// <summary>Idle: no update is running (only in answer to ExtendedTriggerMessage).</summary>
    Idle,

    /// <summary>InstallationFailed: the installation failed.</summary>
    InstallationFailed,

    /// <summary>Installing: the firmware is being installed.</summary>
    Installing,

    /// <summary>Installed: the firmware is installed.</summary>
    Installed,

    /// <summary>InstallRebooting: the Charge Point reboots to install the firmware.</summary>
    InstallRebooting,

    /// <summary>InstallScheduled: the installation waits for its installDateTime.</summary>
    InstallScheduled,

    /// <summary>InstallVerificationFailed: the downloaded firmware failed verification (for example, its hash).</summary>
    InstallVerificationFailed,

    /// <summary>InvalidSignature: the firmware's signature is invalid.</summary>
    InvalidSignature,

    /// <summary>SignatureVerified: the firmware's signature is valid.</summary>
    SignatureVerified,
}
