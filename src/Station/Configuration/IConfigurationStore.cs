namespace Station.Configuration;

/// <summary>Persists the configuration values that differ from the model's defaults.</summary>
public interface IConfigurationStore
{
    /// <summary>All stored values by key.</summary>
    IReadOnlyDictionary<string, string> Load();

    /// <summary>Stores one value.</summary>
    void Save(string key, string value);
}
