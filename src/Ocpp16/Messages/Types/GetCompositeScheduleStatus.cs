using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to GetCompositeSchedule.</summary>
[JsonConverter(typeof(OcppEnumConverter<GetCompositeScheduleStatus>))]
public enum GetCompositeScheduleStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,
}
