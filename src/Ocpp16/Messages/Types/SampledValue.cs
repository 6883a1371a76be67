using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>One measured value with its context, measurand, phase, location and unit (§7.43).</summary>
public sealed record SampledValue
{
    /// <summary>The value, as text (a number for Raw, signed data for SignedData).</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>Why the value was sampled; absent means Sample.Periodic.</summary>
    [JsonPropertyName("context")]
    public ReadingContext? Context { get; init; }

    /// <summary>Raw (default) or SignedData.</summary>
    [JsonPropertyName("format")]
    public ValueFormat? Format { get; init; }

    /// <summary>What was measured; absent means Energy.Active.Import.Register.</summary>
    [JsonPropertyName("measurand")]
    public Measurand? Measurand { get; init; }

    /// <summary>The phase the value applies to, if per phase.</summary>
    [JsonPropertyName("phase")]
    public Phase? Phase { get; init; }

    /// <summary>Where it was measured; absent means Outlet.</summary>
    [JsonPropertyName("location")]
    public Location? Location { get; init; }

    /// <summary>The unit; absent means Wh.</summary>
    [JsonPropertyName("unit")]
    public UnitOfMeasure? Unit { get; init; }
}
