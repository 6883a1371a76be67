using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to RemoteStartTransaction and RemoteStopTransaction.</summary>
[JsonConverter(typeof(OcppEnumConverter<RemoteStartStopStatus>))]
public enum RemoteStartStopStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,
}
