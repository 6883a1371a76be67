using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>How the start of a charging schedule is determined.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingProfileKindType>))]
public enum ChargingProfileKindType
{
    /// <summary>Absolute</summary>
    Absolute,

    /// <summary>Recurring</summary>
    Recurring,

    /// <summary>Relative</summary>
    Relative,
}
