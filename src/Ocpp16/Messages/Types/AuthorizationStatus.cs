using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Whether an identifier may charge.</summary>
[JsonConverter(typeof(OcppEnumConverter<AuthorizationStatus>))]
public enum AuthorizationStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Blocked</summary>
    Blocked,

    /// <summary>Expired</summary>
    Expired,

    /// <summary>Invalid</summary>
    Invalid,

    /// <summary>ConcurrentTx</summary>
    ConcurrentTx,
}
