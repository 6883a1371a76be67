using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to GetLog (security whitepaper LogStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<LogStatusEnumType>))]
public enum LogStatusEnumType
{
    /// <summary>Accepted: the log will be uploaded.</summary>
    Accepted,

    /// <summary>Rejected: the log will not be uploaded.</summary>
    Rejected,

    /// <summary>AcceptedCanceled: the log will be uploaded, and an upload still running for an earlier request is cancelled.</summary>
    AcceptedCanceled,
}
