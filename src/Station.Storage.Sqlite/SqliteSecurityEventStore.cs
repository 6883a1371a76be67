using Station.Security.Events;

namespace Station.Storage.Sqlite;

/// <summary>The security log (<c>security_events</c>), the station's rows only.</summary>
public sealed class SqliteSecurityEventStore(StationDatabase database) : ISecurityEventStore
{
    /// <inheritdoc/>
    public long Add(string type, DateTimeOffset timestamp, string? techInfo, int capacity) => database.InTransaction((connection, transaction) =>
    {
        var sequence = (long)StationDatabase.Command(
            connection,
            transaction,
            """
            INSERT INTO security_events (station, sequence, type, happened_at, tech_info)
            VALUES ($station, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM security_events WHERE station = $station), $type, $at, $info)
            RETURNING sequence
            """,
            ("$station", database.Station),
            ("$type", type),
            ("$at", Text.Date(timestamp)),
            ("$info", techInfo)).ExecuteScalar()!;

        // Bounded: past the capacity the oldest delivered entries go first, then the oldest at all.
        StationDatabase.Command(
            connection,
            transaction,
            """
            DELETE FROM security_events WHERE station = $station AND sequence IN (
                SELECT sequence FROM security_events WHERE station = $station ORDER BY delivered DESC, sequence
                LIMIT MAX(0, (SELECT COUNT(*) FROM security_events WHERE station = $station) - $capacity))
            """,
            ("$station", database.Station),
            ("$capacity", Math.Max(capacity, 1))).ExecuteNonQuery();
        return sequence;
    });

    /// <inheritdoc/>
    public void MarkDelivered(long sequence) => database.Execute(
        "UPDATE security_events SET delivered = 1 WHERE station = $station AND sequence = $seq", ("$station", database.Station), ("$seq", sequence));

    /// <inheritdoc/>
    public (int Removed, long Sequence) ClearAndAdd(string type, DateTimeOffset timestamp, string? techInfo) => database.InTransaction((connection, transaction) =>
    {
        // The next sequence is taken before the delete: numbering continues after the cleared entries.
        var sequence = (long)StationDatabase.Command(
            connection, transaction, "SELECT COALESCE(MAX(sequence), 0) + 1 FROM security_events WHERE station = $station", ("$station", database.Station)).ExecuteScalar()!;
        var removed = StationDatabase.Command(
            connection, transaction, "DELETE FROM security_events WHERE station = $station AND delivered = 1", ("$station", database.Station)).ExecuteNonQuery();
        StationDatabase.Command(
            connection,
            transaction,
            "INSERT INTO security_events (station, sequence, type, happened_at, tech_info) VALUES ($station, $seq, $type, $at, $info)",
            ("$station", database.Station),
            ("$seq", sequence),
            ("$type", type),
            ("$at", Text.Date(timestamp)),
            ("$info", techInfo)).ExecuteNonQuery();
        return (removed, sequence);
    });

    /// <inheritdoc/>
    public IReadOnlyList<StoredSecurityEvent> Undelivered() =>
        Read("SELECT sequence, type, happened_at, tech_info, delivered FROM security_events WHERE station = $station AND delivered = 0 ORDER BY sequence");

    /// <inheritdoc/>
    public IReadOnlyList<StoredSecurityEvent> Range(DateTimeOffset? from, DateTimeOffset? to) =>
        [.. Read("SELECT sequence, type, happened_at, tech_info, delivered FROM security_events WHERE station = $station ORDER BY sequence")
            .Where(e => (from is null || e.Timestamp >= from) && (to is null || e.Timestamp <= to))];

    private List<StoredSecurityEvent> Read(string sql) => database.Use(connection =>
    {
        var result = new List<StoredSecurityEvent>();
        using var reader = StationDatabase.Command(connection, null, sql, ("$station", database.Station)).ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredSecurityEvent(
                reader.GetInt64(0), reader.GetString(1), Text.Date(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4) != 0));
        }

        return result;
    });
}
