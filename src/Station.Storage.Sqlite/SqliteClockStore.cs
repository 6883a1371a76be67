using System.Globalization;
using Station.Runtime;

namespace Station.Storage.Sqlite;

/// <summary>The clock offset, one row of <c>station_state</c>.</summary>
public sealed class SqliteClockStore(StationDatabase database) : IClockStore
{
    private const string Key = "clock_offset_ticks";

    /// <inheritdoc/>
    public TimeSpan? LoadOffset() => database.Use(connection =>
        StationDatabase.Command(connection, null, "SELECT value FROM station_state WHERE station = $station AND key = $key", ("$key", Key)).ExecuteScalar() is string text
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            ? TimeSpan.FromTicks(ticks)
            : (TimeSpan?)null);

    /// <inheritdoc/>
    public void SaveOffset(TimeSpan offset) => database.Execute(
        "INSERT INTO station_state (station, key, value) VALUES ($station, $key, $value) ON CONFLICT (station, key) DO UPDATE SET value = excluded.value",
        ("$key", Key),
        ("$value", offset.Ticks.ToString(CultureInfo.InvariantCulture)));
}
