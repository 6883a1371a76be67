using Station.Configuration;

namespace Station.Tests.Support;

/// <summary>Configuration values in memory; remembers every save in order.</summary>
public sealed class InMemoryConfigurationStore : IConfigurationStore
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Value)> _saves = [];

    /// <summary>Starts with <paramref name="values"/> stored, as if saved by an earlier run.</summary>
    public InMemoryConfigurationStore(IReadOnlyDictionary<string, string>? values = null)
    {
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            _values[key] = value;
        }
    }

    /// <summary>Every <see cref="Save"/> so far, oldest first.</summary>
    public IReadOnlyList<(string Key, string Value)> Saves
    {
        get
        {
            lock (_values)
            {
                return [.. _saves];
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Load()
    {
        lock (_values)
        {
            return new Dictionary<string, string>(_values, StringComparer.Ordinal);
        }
    }

    /// <inheritdoc/>
    public void Save(string key, string value)
    {
        lock (_values)
        {
            _values[key] = value;
            _saves.Add((key, value));
        }
    }
}
