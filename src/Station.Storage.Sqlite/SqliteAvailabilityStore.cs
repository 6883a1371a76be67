using Ocpp16.Json;
using Ocpp16.Messages;
using Station.Connectors;

namespace Station.Storage.Sqlite;

/// <summary>Connector availability in the <c>availability</c> table.</summary>
public sealed class SqliteAvailabilityStore(StationDatabase database) : IAvailabilityStore
{
    /// <inheritdoc/>
    public IReadOnlyList<StoredAvailability> Load() => database.Use(connection =>
    {
        var result = new List<StoredAvailability>();
        using var reader = StationDatabase.Command(connection, null, "SELECT connector_id, availability, scheduled FROM availability WHERE station = $station").ExecuteReader();
        while (reader.Read())
        {
            if (OcppEnum.TryParse<AvailabilityType>(reader.GetString(1), out var availability))
            {
                AvailabilityType? scheduled = !reader.IsDBNull(2) && OcppEnum.TryParse<AvailabilityType>(reader.GetString(2), out var s) ? s : null;
                result.Add(new StoredAvailability(reader.GetInt32(0), availability, scheduled));
            }
        }

        return result;
    });

    /// <inheritdoc/>
    public void Save(StoredAvailability availability) => database.Execute(
        """
        INSERT INTO availability (station, connector_id, availability, scheduled) VALUES ($station, $id, $availability, $scheduled)
        ON CONFLICT (station, connector_id) DO UPDATE SET availability = excluded.availability, scheduled = excluded.scheduled
        """,
        ("$id", availability.ConnectorId),
        ("$availability", OcppEnum.WireName(availability.Availability)),
        ("$scheduled", availability.Scheduled is { } scheduled ? OcppEnum.WireName(scheduled) : null));
}
