using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to ClearChargingProfile.</summary>
[JsonConverter(typeof(OcppEnumConverter<ClearChargingProfileStatus>))]
public enum ClearChargingProfileStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Unknown</summary>
    Unknown,
}
