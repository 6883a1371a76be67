using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to ChangeConfiguration.</summary>
[JsonConverter(typeof(OcppEnumConverter<ConfigurationStatus>))]
public enum ConfigurationStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,

    /// <summary>RebootRequired</summary>
    RebootRequired,

    /// <summary>NotSupported</summary>
    NotSupported,
}
