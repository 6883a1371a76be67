using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The progress of a diagnostics upload.</summary>
[JsonConverter(typeof(OcppEnumConverter<DiagnosticsStatus>))]
public enum DiagnosticsStatus
{
    /// <summary>Idle</summary>
    Idle,

    /// <summary>Uploaded</summary>
    Uploaded,

    /// <summary>UploadFailed</summary>
    UploadFailed,

    /// <summary>Uploading</summary>
    Uploading,
}
