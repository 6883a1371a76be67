using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>Sampled values taken at one moment (§7.29).</summary>
public sealed record MeterValue
{
    /// <summary>When the values were sampled.</summary>
    [JsonPropertyName("timestamp")]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The values sampled at that time.</summary>
    [JsonPropertyName("sampledValue")]
    public required IReadOnlyList<SampledValue> SampledValue { get; init; }
}
