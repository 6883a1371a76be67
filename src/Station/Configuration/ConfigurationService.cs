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
    // Shared by every station of the model; this station holds only its values, one per position.
    private readonly ConfigurationCatalog _catalog;
    // Swapped whole on every change: blocks read without the station lock (authorization runs beside it).
    private volatile string[] _values;
    private Dictionary<string, ChangeGuard>? _guards;
    private readonly IConfigurationStore _store;
    private readonly ILogger _logger;

    /// <summary>Loads the values; stored values the definitions no longer accept are ignored with a warning.</summary>
    public ConfigurationService(IEnumerable<ConfigurationKeyDefinition> definitions, IConfigurationStore store, ILogger logger)
        : this(new ConfigurationCatalog(definitions), store, logger)
    {
    }

    /// <summary>Loads the values of the keys of <paramref name="catalog"/> (shared by the stations of a model).</summary>
    public ConfigurationService(ConfigurationCatalog catalog, IConfigurationStore store, ILogger logger)
    {
        _catalog = catalog;
        _store = store;
        _logger = logger;
        var values = new string[catalog.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = catalog[i].DefaultValue;
        }

        foreach (var (key, value) in store.Load())
        {
            var position = catalog.PositionOf(key);
            if (position < 0)
            {
                continue;
            }

            var definition = catalog[position];
            if (definition.Normalize(value, out var error) is { } normalized)
            {
                values[position] = normalized;
            }
            else
            {
                ConfigurationLog.IgnoredStoredValue(logger, key, definition.Shown(value), definition.WriteOnly ? "(reason hidden)" : error!);
            }
        }

        _values = values;
    }

    /// <summary>The key definitions this station runs with (the same object for every station of its model).</summary>
    public ConfigurationCatalog Catalog => _catalog;

    /// <inheritdoc/>
    public event Action<string>? Changed;

    /// <summary>Every key definition, in name order.</summary>
    public IEnumerable<ConfigurationKeyDefinition> Definitions => _catalog.Definitions;

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
    public string? Get(string key) => ExactPosition(key) is var position and >= 0 ? _values[position] : null;

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
        (_guards ??= new(StringComparer.OrdinalIgnoreCase))[key] = new ChangeGuard(refuse, afterAnswer);

    /// <summary>ChangeConfiguration (§5.3): validates, stores and applies a value.</summary>
    public ConfigurationStatus Change(string key, string value) => Change(key, value, out _);

    /// <summary>
    /// ChangeConfiguration (§5.3): validates, stores and applies a value; <paramref name="afterAnswer"/>
    /// is the work its block wants done once the answer is out.
    /// </summary>
    public ConfigurationStatus Change(string key, string value, out Func<CancellationToken, Task>? afterAnswer)
    {
        afterAnswer = null;
        var position = _catalog.PositionOf(key);
        if (position < 0)
        {
            ConfigurationLog.Refused(_logger, key, value, ConfigurationStatus.NotSupported, "unknown key");
            return ConfigurationStatus.NotSupported;
        }

        var definition = _catalog[position];
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

        ChangeGuard? guard = _guards?.GetValueOrDefault(definition.Name);
        if (guard?.Refuse(normalized) is { } refusal)
        {
            ConfigurationLog.Refused(_logger, key, shown, ConfigurationStatus.Rejected, refusal);
            return ConfigurationStatus.Rejected;
        }

        Apply(position, normalized);
        afterAnswer = guard?.AfterAnswer;
        return ConfigurationStatus.Accepted;
    }

    /// <inheritdoc/>
    public string SetFromStation(string key, string value)
    {
        var position = _catalog.PositionOf(key);
        if (position < 0)
        {
            throw new KeyNotFoundException($"configuration key {key} is not defined");
        }

        var definition = _catalog[position];
        if (definition.Type == ConfigurationValueType.Integer && int.TryParse(value, CultureInfo.InvariantCulture, out var number)
            && !(number == 0 && definition.ZeroTurnsOff))
        {
            value = Math.Clamp(number, definition.Min, definition.Max).ToString(CultureInfo.InvariantCulture);
        }

        var normalized = definition.Normalize(value, out var error)
            ?? throw new ArgumentException($"{key}: {error}", nameof(value));
        Apply(position, normalized);
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
            if (_catalog.PositionOf(key) is var position and >= 0)
            {
                known.Add(ToKeyValue(_catalog[position]));
            }
            else
            {
                unknown.Add(key);
            }
        }

        return (known, unknown);
    }

    private void Apply(int position, string value)
    {
        var values = _values;
        if (values[position] == value)
        {
            return;
        }

        // Copy on write: a reader holding the old array sees every value of one moment.
        var changed = (string[])values.Clone();
        changed[position] = value;
        _values = changed;
        var definition = _catalog[position];
        _store.Save(definition.Name, value);
        var shown = definition.Shown(value);
        ConfigurationLog.Changed(_logger, definition.Name, shown);
        Changed?.Invoke(definition.Name);
    }

    // A write-only key is listed without its value (the value is optional in KeyValue, §7.22).
    private KeyValue ToKeyValue(ConfigurationKeyDefinition definition) =>
        new() { Key = definition.Name, ReadOnly = definition.ReadOnly, Value = definition.WriteOnly ? null : _values[_catalog.PositionOf(definition.Name)] };

    private string Require(string key) =>
        ExactPosition(key) is var position and >= 0 ? _values[position] : throw new KeyNotFoundException($"configuration key {key} is not defined");

    // The blocks read their keys by their exact names; a name in another case is not theirs (as ever).
    private int ExactPosition(string key)
    {
        var position = _catalog.PositionOf(key);
        return position >= 0 && string.Equals(_catalog[position].Name, key, StringComparison.Ordinal) ? position : -1;
    }

    private sealed record ChangeGuard(Func<string, string?> Refuse, Func<CancellationToken, Task>? AfterAnswer);
}
