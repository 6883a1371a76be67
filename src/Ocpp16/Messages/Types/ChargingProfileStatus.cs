using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to SetChargingProfile.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingProfileStatus>))]
public enum ChargingProfileStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,

    /// <summary>NotSupported</summary>
    NotSupported,
}
