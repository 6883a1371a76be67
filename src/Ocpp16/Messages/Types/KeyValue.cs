using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>A configuration key with its value and whether it is read-only (§7.23).</summary>
public sealed record KeyValue
{
    /// <summary>The configuration key.</summary>
    [JsonPropertyName("key")]
    [JsonConverter(typeof(CiString50Converter))]
    public required string Key { get; init; }

    /// <summary>Whether the key can only be read.</summary>
    [JsonPropertyName("readonly")]
    public required bool ReadOnly { get; init; }

    /// <summary>The value, absent when the key is set but its value is not readable.</summary>
    [JsonPropertyName("value")]
    [JsonConverter(typeof(CiString500Converter))]
    public string? Value { get; init; }
}
