using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Whether a sampled value is plain or signed data.</summary>
[JsonConverter(typeof(OcppEnumConverter<ValueFormat>))]
public enum ValueFormat
{
    /// <summary>Raw</summary>
    Raw,

    /// <summary>SignedData</summary>
    SignedData,
}
