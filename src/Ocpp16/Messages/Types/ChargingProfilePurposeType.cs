using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>What a charging profile is for.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargingProfilePurposeType>))]
public enum ChargingProfilePurposeType
{
    /// <summary>ChargePointMaxProfile</summary>
    ChargePointMaxProfile,

    /// <summary>TxDefaultProfile</summary>
    TxDefaultProfile,

    /// <summary>TxProfile</summary>
    TxProfile,
}
