using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>
/// The answer to ExtendedTriggerMessage (security whitepaper TriggerMessageStatusEnumType); the same members as the 1.6
/// <see cref="TriggerMessageStatus"/>, a type of its own because it answers another message.
/// </summary>
[JsonConverter(typeof(OcppEnumConverter<TriggerMessageStatusEnumType>))]
public enum TriggerMessageStatusEnumType
{
    /// <summary>Accepted: the requested message will be sent.</summary>
    Accepted,

    /// <summary>Rejected: the requested message will not be sent.</summary>
    Rejected,

    /// <summary>NotImplemented: the requested message is not implemented.</summary>
    NotImplemented,
}
