using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to ClearCache.</summary>
[JsonConverter(typeof(OcppEnumConverter<ClearCacheStatus>))]
public enum ClearCacheStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,
}
