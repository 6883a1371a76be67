using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to SendLocalList.</summary>
[JsonConverter(typeof(OcppEnumConverter<UpdateStatus>))]
public enum UpdateStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Failed</summary>
    Failed,

    /// <summary>NotSupported</summary>
    NotSupported,

    /// <summary>VersionMismatch</summary>
    VersionMismatch,
}
