using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to ReserveNow.</summary>
[JsonConverter(typeof(OcppEnumConverter<ReservationStatus>))]
public enum ReservationStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Faulted</summary>
    Faulted,

    /// <summary>Occupied</summary>
    Occupied,

    /// <summary>Rejected</summary>
    Rejected,

    /// <summary>Unavailable</summary>
    Unavailable,
}
