using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Full replacement or differential update of the Local Authorization List.</summary>
[JsonConverter(typeof(OcppEnumConverter<UpdateType>))]
public enum UpdateType
{
    /// <summary>Differential</summary>
    Differential,

    /// <summary>Full</summary>
    Full,
}
