using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Soft (graceful) or hard (immediate) reboot.</summary>
[JsonConverter(typeof(OcppEnumConverter<ResetType>))]
public enum ResetType
{
    /// <summary>Hard</summary>
    Hard,

    /// <summary>Soft</summary>
    Soft,
}
