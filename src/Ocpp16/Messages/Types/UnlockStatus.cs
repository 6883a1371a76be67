using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to UnlockConnector.</summary>
[JsonConverter(typeof(OcppEnumConverter<UnlockStatus>))]
public enum UnlockStatus
{
    /// <summary>Unlocked</summary>
    Unlocked,

    /// <summary>UnlockFailed</summary>
    UnlockFailed,

    /// <summary>NotSupported</summary>
    NotSupported,
}
