using Station.Connection;

namespace Station.Storage.Sqlite;

/// <summary>Durable notifications waiting for their answer (<c>notifications</c>).</summary>
public sealed class SqliteNotificationStore(StationDatabase database) : INotificationStore
{
    /// <inheritdoc/>
    public long Add(string action, string payload) => database.Use(connection =>
        (long)StationDatabase.Command(
            connection,
            null,
            "INSERT INTO notifications (station, action, payload) VALUES ($station, $action, $payload) RETURNING sequence",
            ("$action", action),
            ("$payload", payload)).ExecuteScalar()!);

    /// <inheritdoc/>
    public void Remove(long sequence) => database.Execute("DELETE FROM notifications WHERE station = $station AND sequence = $seq", ("$seq", sequence));

    /// <inheritdoc/>
    public IReadOnlyList<StoredNotification> LoadAll() => database.Use(connection =>
    {
        var result = new List<StoredNotification>();
        using var reader = StationDatabase.Command(connection, null, "SELECT sequence, action, payload FROM notifications WHERE station = $station ORDER BY sequence").ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredNotification(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return result;
    });
}
