using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to ChangeAvailability.</summary>
[JsonConverter(typeof(OcppEnumConverter<AvailabilityStatus>))]
public enum AvailabilityStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,

    /// <summary>Scheduled</summary>
    Scheduled,
}
