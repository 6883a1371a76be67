using Ocpp16.Json;
using Ocpp16.Messages;
using Station.Authorization;

namespace Station.Storage.Sqlite;

/// <summary>The authorization cache in the <c>authorization_cache</c> table.</summary>
public sealed class SqliteAuthorizationCacheStore(StationDatabase database) : IAuthorizationCacheStore
{
    /// <inheritdoc/>
    public IReadOnlyList<CachedIdTag> Load() => database.Use(connection =>
    {
        var result = new List<CachedIdTag>();
        using var reader = StationDatabase.Command(connection, null, "SELECT id_tag, status, expiry_date, parent_id_tag, updated_at FROM authorization_cache WHERE station = $station").ExecuteReader();
        while (reader.Read())
        {
            if (!OcppEnum.TryParse<AuthorizationStatus>(reader.GetString(1), out var status))
            {
                continue;
            }

            var info = new IdTagInfo
            {
                Status = status,
                ExpiryDate = reader.IsDBNull(2) ? null : Text.Date(reader.GetString(2)),
                ParentIdTag = reader.IsDBNull(3) ? null : reader.GetString(3),
            };
            result.Add(new CachedIdTag(reader.GetString(0), info, Text.Date(reader.GetString(4))));
        }

        return result;
    });

    /// <inheritdoc/>
    public void Save(CachedIdTag entry) => database.Execute(
        """
        INSERT INTO authorization_cache (station, id_tag, status, expiry_date, parent_id_tag, updated_at) VALUES ($station, $id, $status, $expiry, $parent, $updated)
        ON CONFLICT (station, id_tag) DO UPDATE SET status = excluded.status, expiry_date = excluded.expiry_date,
            parent_id_tag = excluded.parent_id_tag, updated_at = excluded.updated_at
        """,
        ("$id", entry.IdTag),
        ("$status", OcppEnum.WireName(entry.Info.Status)),
        ("$expiry", entry.Info.ExpiryDate is { } expiry ? Text.Date(expiry) : null),
        ("$parent", entry.Info.ParentIdTag),
        ("$updated", Text.Date(entry.UpdatedAt)));

    /// <inheritdoc/>
    public void Remove(string idTag) => database.Execute("DELETE FROM authorization_cache WHERE station = $station AND id_tag = $id", ("$id", idTag));

    /// <inheritdoc/>
    public void Clear() => database.Execute("DELETE FROM authorization_cache WHERE station = $station");
}
