using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The unit of a charging schedule: W (power) or A (current).</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingRateUnitType>))]
public enum ChargingRateUnitType
{
    /// <summary>A</summary>
    A,

    /// <summary>W</summary>
    W,
}
