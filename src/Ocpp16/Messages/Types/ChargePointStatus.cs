using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The status of a connector, or of the Charge Point as connector 0.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargePointStatus>))]
public enum ChargePointStatus
{
    /// <summary>Available</summary>
    Available,

    /// <summary>Preparing</summary>
    Preparing,

    /// <summary>Charging</summary>
    Charging,

    /// <summary>SuspendedEVSE</summary>
    SuspendedEVSE,

    /// <summary>SuspendedEV</summary>
    SuspendedEV,

    /// <summary>Finishing</summary>
    Finishing,

    /// <summary>Reserved</summary>
    Reserved,

    /// <summary>Unavailable</summary>
    Unavailable,

    /// <summary>Faulted</summary>
    Faulted,
}
