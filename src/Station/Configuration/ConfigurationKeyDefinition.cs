using System.Globalization;
using Ocpp16.Messages;

namespace Station.Configuration;

/// <summary>
/// A configuration key: its type, access, default and the values it accepts. <see cref="Normalize"/>
/// is the single place a value is checked, for ChangeConfiguration and for model files alike.
/// </summary>
public sealed record ConfigurationKeyDefinition
{
    /// <summary>The key name, exactly as in OCPP 1.6 §9.</summary>
    public required string Name { get; init; }

    /// <summary>The value type.</summary>
    public required ConfigurationValueType Type { get; init; }

    /// <summary>The feature profile the key belongs to.</summary>
    public required FeatureProfile Profile { get; init; }

    /// <summary>The default value as OCPP text.</summary>
    public required string DefaultValue { get; init; }

    /// <summary>What the key does in this station, for the README and for operators.</summary>
    public required string Description { get; init; }

    /// <summary>Whether the Central System may only read it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Whether the value is a secret (AuthorizationKey): the Central System may set it but never read
    /// it back (GetConfiguration lists the key without a value), and no log line names it.
    /// </summary>
    public bool WriteOnly { get; init; }

    /// <summary>Checks a text value beyond its type; returns why it is refused, or null.</summary>
    public Func<string, string?>? ValueRule { get; init; }

    /// <summary>The value as a log line may show it: a write-only value never.</summary>
    public string Shown(string value) => WriteOnly ? Ocpp16.Security.SecretText.Mask : value;

    /// <summary>The smallest value of an integer key.</summary>
    public int Min { get; init; } = int.MinValue;

    /// <summary>The largest value of an integer key.</summary>
    public int Max { get; init; } = int.MaxValue;

    /// <summary>Whether 0 is accepted outside [<see cref="Min"/>, <see cref="Max"/>] because it turns the feature off.</summary>
    public bool ZeroTurnsOff { get; init; }

    /// <summary>The members a list may contain; null allows any.</summary>
    public IReadOnlySet<string>? AllowedItems { get; init; }

    /// <summary>The largest number of members of a list.</summary>
    public int MaxItems { get; init; } = int.MaxValue;

    /// <summary>Checks one list member beyond <see cref="AllowedItems"/>; returns why it is refused, or null.</summary>
    public Func<string, string?>? ItemRule { get; init; }

    /// <summary>
    /// Checks <paramref name="value"/> and returns it in canonical form, or null with the reason in
    /// <paramref name="error"/>.
    /// </summary>
    public string? Normalize(string value, out string? error)
    {
        error = null;
        switch (Type)
        {
            case ConfigurationValueType.Boolean:
                if (bool.TryParse(value.Trim(), out var flag))
                {
                    return flag ? "true" : "false";
                }

                error = $"'{value}' is not true or false";
                return null;

            case ConfigurationValueType.Integer:
                if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    error = $"'{value}' is not a whole number";
                    return null;
                }

                if ((number < Min || number > Max) && !(ZeroTurnsOff && number == 0))
                {
                    error = $"{number} is outside {Range}";
                    return null;
                }

                return number.ToString(CultureInfo.InvariantCulture);

            case ConfigurationValueType.List:
                return NormalizeList(value, out error);

            default:
                if (ValueRule?.Invoke(value) is { } refusal)
                {
                    error = refusal;
                    return null;
                }

                return value;
        }
    }

    /// <summary>The accepted range of an integer key, as text.</summary>
    public string Range => ZeroTurnsOff ? $"0 (off) or {Min}..{Max}" : $"{Min}..{Max}";

    private string? NormalizeList(string value, out string? error)
    {
        error = null;
        var items = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length > MaxItems)
        {
            error = $"{items.Length} items where at most {MaxItems} are allowed";
            return null;
        }

        foreach (var item in items)
        {
            if (AllowedItems is not null && !AllowedItems.Contains(item))
            {
                error = $"'{item}' is not supported (supported: {string.Join(",", AllowedItems)})";
                return null;
            }

            if (ItemRule?.Invoke(item) is { } refusal)
            {
                error = refusal;
                return null;
            }
        }

        if (items.Distinct(StringComparer.Ordinal).Count() != items.Length)
        {
            error = $"'{value}' lists an item twice";
            return null;
        }

        return string.Join(",", items);
    }
}
