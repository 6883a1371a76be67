using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to BootNotification.</summary>
[JsonConverter(typeof(OcppEnumConverter<RegistrationStatus>))]
public enum RegistrationStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Pending</summary>
    Pending,

    /// <summary>Rejected</summary>
    Rejected,
}
