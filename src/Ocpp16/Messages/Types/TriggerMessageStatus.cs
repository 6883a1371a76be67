using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to TriggerMessage.</summary>
[JsonConverter(typeof(OcppEnumConverter<TriggerMessageStatus>))]
public enum TriggerMessageStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,

    /// <summary>NotImplemented</summary>
    NotImplemented,
}
