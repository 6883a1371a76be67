using Station.Reservation;

namespace Station.Storage.Sqlite;

/// <summary>The reservation block's reservations in the <c>reservations</c> table, one row per reservationId of the station.</summary>
public sealed class SqliteReservationStore(StationDatabase database) : IReservationStore
{
    /// <inheritdoc/>
    public IReadOnlyList<StoredReservation> Load() => database.Use(connection =>
    {
        var result = new List<StoredReservation>();
        using var reader = StationDatabase.Command(
            connection,
            null,
            """
            SELECT reservation_id, connector_id, id_tag, parent_id_tag, expiry_date
            FROM reservations WHERE station = $station ORDER BY reservation_id
            """,
            ("$station", database.Station)).ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredReservation(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), Text.Date(reader.GetString(4))));
        }

        return result;
    });

    /// <inheritdoc/>
    public void Save(StoredReservation reservation) => database.Execute(
        """
        INSERT INTO reservations (station, reservation_id, connector_id, id_tag, parent_id_tag, expiry_date)
        VALUES ($station, $id, $connector, $idTag, $parent, $expiry)
        ON CONFLICT (station, reservation_id) DO UPDATE SET
            connector_id = excluded.connector_id, id_tag = excluded.id_tag, parent_id_tag = excluded.parent_id_tag, expiry_date = excluded.expiry_date
        """,
        ("$station", database.Station),
        ("$id", reservation.ReservationId),
        ("$connector", reservation.ConnectorId),
        ("$idTag", reservation.IdTag),
        ("$parent", reservation.ParentIdTag),
        ("$expiry", Text.Date(reservation.ExpiryDate)));

    /// <inheritdoc/>
    public void Delete(int reservationId) => database.Execute(
        "DELETE FROM reservations WHERE station = $station AND reservation_id = $id",
        ("$station", database.Station),
        ("$id", reservationId));
}
