using Station.Configuration;

namespace Station.Storage.Sqlite;

/// <summary>Configuration values in the <c>configuration</c> table.</summary>
public sealed class SqliteConfigurationStore(StationDatabase database) : IConfigurationStore
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Load() => database.Use(connection =>
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = StationDatabase.Command(connection, null, "SELECT key, value FROM configuration WHERE station = $station").ExecuteReader();
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    });

    /// <inheritdoc/>
    public void Save(string key, string value) =>
        database.Execute(
            "INSERT INTO configuration (station, key, value) VALUES ($station, $key, $value) ON CONFLICT (station, key) DO UPDATE SET value = excluded.value",
            ("$key", key),
            ("$value", value));
}
