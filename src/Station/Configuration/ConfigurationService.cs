using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Model;

namespace Station.Configuration;

/// <summary>
/// Owns the configuration keys: their definitions (built-in, adjusted by the model), their
/// current values (defaults overlaid with what was stored) and every change to them.
/// </summary>
public sealed class ConfigurationService : IStationConfiguration
{
    private readonly Dictionary<string, ConfigurationKeyDefinition> _definitions;
    // Swapped whole on every change: blocks read without the station lock (authorization runs beside it).
    private volatile ImmutableDictionary<string, string> _values;
    private readonly Dictionary<string, ChangeGuard> _guards = new(StringComparer.OrdinalIgnoreCase);
    private readonly IConfigurationStore _store;
    private readonly ILogger _logger;

    /// <summary>Loads the values; stored values the definitions no longer accept are ignored with a warning.</summary>
    public ConfigurationService(IEnumerable<ConfigurationKeyDefinition> definitions, IConfigurationStore store, ILogger logger)
    {
        // Keys are CiString50: a Central System may ask for "heartbeatinterval".
        _definitions = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        _store = store;
        _logger = logger;
        var values = _definitions.Values.ToDictionary(d => d.Name, d => d.DefaultValue, StringComparer.Ordinal);
        foreach (var (key, value) in store.Load())
        {
            if (!_definitions.TryGetValue(key, out var definition))
            {
                continue;
            }

            if (definition.Normalize(value, out var error) is { } normalized)
            {
                values[definition.Name] = normalized;
            }
            else
            {
                ConfigurationLog.IgnoredStoredValue(logger, key, definition.Shown(value), definition.WriteOnly ? "(reason hidden)" : error!);
            }
        }

        _values = values.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public event Action<string>? Changed;

    /// <summary>Every key definition, in name order.</summary>
    public IEnumerable<ConfigurationKeyDefinition> Definitions => _definitions.Values.OrderBy(d => d.Name, StringComparer.Ordinal);

    /// <summary>
    /// Applies a model's adjustments to built-in definitions: defaults, ranges and access. Throws
    /// <see cref="ModelException"/> for an unknown key or a default the key refuses.
    /// </summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Adjust(IEnumerable<ConfigurationKeyDefinition> definitions, StationModel model)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var (key, change) in model.Configuration)
        {
            if (!byName.TryGetValue(key, out var definition))
            {
                throw new ModelException($"configuration.{key}: unknown configuration key");
            }

            definition = definition with
            {
                Min = change.Min ?? definition.Min,
                Max = change.Max ?? definition.Max,
                ReadOnly = change.ReadOnly ?? definition.ReadOnly,
            };
            if (definition.Min > definition.Max)
            {
                throw new ModelException($"configuration.{key}: min {definition.Min} is above max {definition.Max}");
            }

            var value = change.Value ?? definition.DefaultValue;
            var normalized = definition.Normalize(value, out var error)
                ?? throw new ModelException($"configuration.{key}.value: {error}");
            byName[key] = definition with { DefaultValue = normalized };
        }

        return [.. byName.Values];
    }

    /// <summary>The value of <paramref name="key"/> as text, or null when the key is unknown.</summary>
    public string? Get(string key) => _values.GetValueOrDefault(key);

    /// <inheritdoc/>
    public bool GetBool(string key) => Require(key) == "true";

    /// <inheritdoc/>
    public int GetInt(string key) => int.Parse(Require(key), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public TimeSpan GetSeconds(string key) => TimeSpan.FromSeconds(GetInt(key));

    /// <inheritdoc/>
    public IReadOnlyList<string> GetList(string key) =>
        Require(key).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Lets the block that owns <paramref name="key"/> refuse a ChangeConfiguration beyond the key's
    /// type and range (<paramref name="refuse"/> returns why, or null), and act once an accepted
    /// change has been answered (<paramref name="afterAnswer"/>, e.g. reconnect with new credentials).
    /// </summary>
    public void AddGuard(string key, Func<string, string?> refuse, Func<CancellationToken, Task>? afterAnswer = null) =>
        _guards[key] = new ChangeGuard(refuse, afterAnswer);

    /// <summary>ChangeConfiguration (§5.3): validates, stores and applies a value.</summary>
    public ConfigurationStatus Change(string key, string value) => Change(key, value, out _);

    /// <summary>
    /// ChangeConfiguration (§5.3): validates, stores and applies a value; <paramref name="afterAnswer"/>
    /// is the work its block wants done once the answer is out.
    /// </summary>
    public ConfigurationStatus Change(string key, string value, out Func<CancellationToken, Task>? afterAnswer)
    {
        afterAnswer = null;
        if (!_definitions.TryGetValue(key, out var definition))
        {
            ConfigurationLog.Refused(_logger, key, value, ConfigurationStatus.NotSupported, "unknown key");
            return ConfigurationStatus.NotSupported;
        }

        var shown = definition.Shown(value);
        if (definition.ReadOnly)
        {
            ConfigurationLog.Refused(_logger, key, shown, ConfigurationStatus.Rejected, "read-only");
            return ConfigurationStatus.Rejected;
        }

        if (definition.Normalize(value, out var error) is not { } normalized)
        {
            ConfigurationLog.Refused(_logger, key, shown, ConfigurationStatus.Rejected, definition.WriteOnly ? "not a valid value" : error!);
            return ConfigurationStatus.Rejected;
        }

        ChangeGuard? guard = _guards.GetValueOrDefault(definition.Name);
        if (guard?.Refuse(normalized) is { } refusal)
        {
            ConfigurationLog.Refused(_logger, key, shown, ConfigurationStatus.Rejected, refusal);
            return ConfigurationStatus.Rejected;
        }

        Apply(definition.Name, normalized);
        afterAnswer = guard?.AfterAnswer;
        return ConfigurationStatus.Accepted;
    }

    /// <inheritdoc/>
    public string SetFromStation(string key, string value)
    {
        var definition = _definitions[key];
        if (definition.Type == ConfigurationValueType.Integer && int.TryParse(value, CultureInfo.InvariantCulture, out var number)
            && !(number == 0 && definition.ZeroTurnsOff))
        {
            value = Math.Clamp(number, definition.Min, definition.Max).ToString(CultureInfo.InvariantCulture);
        }

        var normalized = definition.Normalize(value, out var error)
            ?? throw new ArgumentException($"{key}: {error}", nameof(value));
        Apply(definition.Name, normalized);
        return normalized;
    }

    /// <summary>GetConfiguration (§5.8): the requested keys (all when none are named) and the unknown ones.</summary>
    public (IReadOnlyList<KeyValue> Known, IReadOnlyList<string> Unknown) Read(IReadOnlyList<string>? keys)
    {
        if (keys is null || keys.Count == 0)
        {
            return ([.. Definitions.Select(ToKeyValue)], []);
        }

        var known = new List<KeyValue>();
        var unknown = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_definitions.TryGetValue(key, out var definition))
            {
                known.Add(ToKeyValue(definition));
            }
            else
            {
                unknown.Add(key);
            }
        }

        return (known, unknown);
    }

    private void Apply(string key, string value)
    {
        if (_values[key] == value)
        {
            return;
        }

        _values = _values.SetItem(key, value);
        _store.Save(key, value);
        var shown = _definitions[key].Shown(value);
        ConfigurationLog.Changed(_logger, key, shown);
        Changed?.Invoke(key);
    }

    // A write-only key is listed without its value (the value is optional in KeyValue, §7.22).
    private KeyValue ToKeyValue(ConfigurationKeyDefinition definition) =>
        new() { Key = definition.Name, ReadOnly = definition.ReadOnly, Value = definition.WriteOnly ? null : _values[definition.Name] };

    private string Require(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"configuration key {key} is not defined");

    private sealed record ChangeGuard(Func<string, string?> Refuse, Func<CancellationToken, Task>? AfterAnswer);
}
