using Microsoft.Data.Sqlite;
using Ocpp16.Json;
using Ocpp16.Messages;
using Station.LocalAuthList;

namespace Station.Storage.Sqlite;

/// <summary>
/// The Local Authorization List in the <c>local_auth_list</c> and <c>local_auth_list_version</c>
/// tables: every update is one SQLite transaction, so a <c>kill -9</c> or a failed write leaves
/// the list before the update, whole.
/// </summary>
public sealed class SqliteLocalAuthListStore(StationDatabase database) : ILocalAuthListStore
{
    /// <inheritdoc/>
    public StoredLocalAuthList Load() => database.Use(connection =>
    {
        var version = StationDatabase.Command(connection, null, "SELECT version FROM local_auth_list_version WHERE station = $station", ("$station", database.Station))
            .ExecuteScalar() is long stored ? (int)stored : 0;
        var entries = new List<LocalAuthListEntry>();
        using var reader = StationDatabase.Command(
            connection, null, "SELECT id_tag, status, expiry_date, parent_id_tag FROM local_auth_list WHERE station = $station", ("$station", database.Station))
            .ExecuteReader();
        while (reader.Read())
        {
            if (!OcppEnum.TryParse<AuthorizationStatus>(reader.GetString(1), out var status))
            {
                continue;
            }

            entries.Add(new LocalAuthListEntry(reader.GetString(0), new IdTagInfo
            {
                Status = status,
                ExpiryDate = reader.IsDBNull(2) ? null : Text.Date(reader.GetString(2)),
                ParentIdTag = reader.IsDBNull(3) ? null : reader.GetString(3),
            }));
        }

        return new StoredLocalAuthList(version, entries);
    });

    /// <inheritdoc/>
    public void Replace(int version, IReadOnlyList<LocalAuthListEntry> entries) => database.InTransaction((connection, transaction) =>
    {
        StationDatabase.Command(connection, transaction, "DELETE FROM local_auth_list WHERE station = $station", ("$station", database.Station)).ExecuteNonQuery();
        Upsert(connection, transaction, entries);
        SetVersion(connection, transaction, version);
        return 0;
    });

    /// <inheritdoc/>
    public void Update(int version, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<string> removals) => database.InTransaction((connection, transaction) =>
    {
        var remove = StationDatabase.Command(
            connection, transaction, "DELETE FROM local_auth_list WHERE station = $station AND id_tag = $id", ("$station", database.Station), ("$id", string.Empty));
        foreach (var idTag in removals)
        {
            remove.Parameters["$id"].Value = idTag;
            remove.ExecuteNonQuery();
        }

        Upsert(connection, transaction, upserts);
        SetVersion(connection, transaction, version);
        return 0;
    });

    private void Upsert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<LocalAuthListEntry> entries)
    {
        // One prepared statement for the whole batch: a Full list of thousands is one transaction of cheap steps.
        var insert = StationDatabase.Command(
            connection,
            transaction,
            """
            INSERT INTO local_auth_list (station, id_tag, status, expiry_date, parent_id_tag) VALUES ($station, $id, $status, $expiry, $parent)
            ON CONFLICT (station, id_tag) DO UPDATE SET id_tag = excluded.id_tag, status = excluded.status,
                expiry_date = excluded.expiry_date, parent_id_tag = excluded.parent_id_tag
            """,
            ("$station", database.Station), ("$id", string.Empty), ("$status", string.Empty), ("$expiry", null), ("$parent", null));
        foreach (var entry in entries)
        {
            insert.Parameters["$id"].Value = entry.IdTag;
            insert.Parameters["$status"].Value = OcppEnum.WireName(entry.Info.Status);
            insert.Parameters["$expiry"].Value = entry.Info.ExpiryDate is { } expiry ? Text.Date(expiry) : DBNull.Value;
            insert.Parameters["$parent"].Value = (object?)entry.Info.ParentIdTag ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private void SetVersion(SqliteConnection connection, SqliteTransaction transaction, int version) => StationDatabase.Command(
        connection,
        transaction,
        "INSERT INTO local_auth_list_version (station, version) VALUES ($station, $version) ON CONFLICT (station) DO UPDATE SET version = excluded.version",
        ("$station", database.Station),
        ("$version", version)).ExecuteNonQuery();
}
