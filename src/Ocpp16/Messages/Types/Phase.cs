using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The phase (or phases) a value applies to.</summary>
[JsonConverter(typeof(OcppEnumConverter<Phase>))]
public enum Phase
{
    /// <summary>L1</summary>
    L1,

    /// <summary>L2</summary>
    L2,

    /// <summary>L3</summary>
    L3,

    /// <summary>N</summary>
    N,

    /// <summary>L1-N</summary>
    [JsonStringEnumMemberName("L1-N")]
    L1N,

    /// <summary>L2-N</summary>
    [JsonStringEnumMemberName("L2-N")]
    L2N,

    /// <summary>L3-N</summary>
    [JsonStringEnumMemberName("L3-N")]
    L3N,

    /// <summary>L1-L2</summary>
    [JsonStringEnumMemberName("L1-L2")]
    L1L2,

    /// <summary>L2-L3</summary>
    [JsonStringEnumMemberName("L2-L3")]
    L2L3,

    /// <summary>L3-L1</summary>
    [JsonStringEnumMemberName("L3-L1")]
    L3L1,
}
