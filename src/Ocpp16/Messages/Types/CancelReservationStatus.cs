using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to CancelReservation.</summary>
[JsonConverter(typeof(OcppEnumConverter<CancelReservationStatus>))]
public enum CancelReservationStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,
}
