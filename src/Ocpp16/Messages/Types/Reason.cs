using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Why a transaction stopped.</summary>
[JsonConverter(typeof(OcppEnumConverter<Reason>))]
public enum Reason
{
    /// <summary>EmergencyStop</summary>
    EmergencyStop,

    /// <summary>EVDisconnected</summary>
    EVDisconnected,

    /// <summary>HardReset</summary>
    HardReset,

    /// <summary>Local</summary>
    Local,

    /// <summary>Other</summary>
    Other,

    /// <summary>PowerLoss</summary>
    PowerLoss,

    /// <summary>Reboot</summary>
    Reboot,

    /// <summary>Remote</summary>
    Remote,

    /// <summary>SoftReset</summary>
    SoftReset,

    /// <summary>UnlockCommand</summary>
    UnlockCommand,

    /// <summary>DeAuthorized</summary>
    DeAuthorized,
}
