using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Where a value was measured.</summary>
[JsonConverter(typeof(OcppEnumConverter<Location>))]
public enum Location
{
    /// <summary>Cable</summary>
    Cable,

    /// <summary>EV</summary>
    EV,

    /// <summary>Inlet</summary>
    Inlet,

    /// <summary>Outlet</summary>
    Outlet,

    /// <summary>Body</summary>
    Body,
}
