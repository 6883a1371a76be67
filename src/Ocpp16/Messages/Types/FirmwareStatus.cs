using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The progress of a firmware update.</summary>
[JsonConverter(typeof(OcppEnumConverter<FirmwareStatus>))]
public enum FirmwareStatus
{
    /// <summary>Downloaded</summary>
    Downloaded,

    /// <summary>DownloadFailed</summary>
    DownloadFailed,

    /// <summary>Downloading</summary>
    Downloading,

    /// <summary>Idle</summary>
    Idle,

    /// <summary>InstallationFailed</summary>
    InstallationFailed,

    /// <summary>Installing</summary>
    Installing,

    /// <summary>Installed</summary>
    Installed,
}
