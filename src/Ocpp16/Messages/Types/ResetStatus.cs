using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to Reset.</summary>
[JsonConverter(typeof(OcppEnumConverter<ResetStatus>))]
public enum ResetStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,
}
