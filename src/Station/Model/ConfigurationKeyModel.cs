namespace Station.Model;

/// <summary>How a model changes the built-in definition of a configuration key.</summary>
public sealed record ConfigurationKeyModel
{
    /// <summary>The default value (as OCPP text).</summary>
    public string? Value { get; init; }

    /// <summary>The smallest integer allowed (integer keys).</summary>
    public int? Min { get; init; }

    /// <summary>The largest integer allowed (integer keys).</summary>
    public int? Max { get; init; }

    /// <summary>Makes the key read-only (true) or writable (false).</summary>
    public bool? ReadOnly { get; init; }
}
