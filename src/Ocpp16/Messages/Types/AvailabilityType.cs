using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Operative or inoperative.</summary>
[JsonConverter(typeof(OcppEnumConverter<AvailabilityType>))]
public enum AvailabilityType
{
    /// <summary>Inoperative</summary>
    Inoperative,

    /// <summary>Operative</summary>
    Operative,
}
