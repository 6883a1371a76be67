using System.Text;
using Ocpp16.Messages;
using Station.SmartCharging;
using Station.Transactions;

namespace Station.Storage.Sqlite;

/// <summary>
/// The installed charging profiles in <c>charging_profiles</c>, each stored as the
/// SetChargingProfile.req that installs it, so the OCPP codec reads it back validated.
/// </summary>
public sealed class SqliteChargingProfileStore(StationDatabase database) : IChargingProfileStore
{
    /// <inheritdoc/>
    public IReadOnlyList<InstalledProfile> Load() => database.Use(connection =>
    {
        var result = new List<InstalledProfile>();
        using var reader = StationDatabase.Command(
            connection, null, "SELECT payload FROM charging_profiles WHERE station = $station ORDER BY position", ("$station", database.Station)).ExecuteReader();
        while (reader.Read())
        {
            // A row the codec refuses (written by a newer station, or damaged) is skipped rather than applied half-read.
            if (OcppActions.SetChargingProfile.Request.TryRead(Encoding.UTF8.GetBytes(reader.GetString(0)), out var read, out _)
                && read is SetChargingProfileRequest request)
            {
                result.Add(new InstalledProfile(request.ConnectorId, request.CsChargingProfiles));
            }
        }

        return result;
    });

    /// <inheritdoc/>
    public void Save(IReadOnlyCollection<InstalledProfile> profiles) => database.InTransaction((connection, transaction) =>
    {
        StationDatabase.Command(connection, transaction, "DELETE FROM charging_profiles WHERE station = $station", ("$station", database.Station)).ExecuteNonQuery();
        var position = 0;
        foreach (var profile in profiles)
        {
            StationDatabase.Command(
                connection,
                transaction,
                """
                INSERT INTO charging_profiles (station, position, connector_id, charging_profile_id, payload)
                VALUES ($station, $position, $connector, $id, $payload)
                """,
                ("$station", database.Station),
                ("$position", position++),
                ("$connector", profile.ConnectorId),
                ("$id", profile.Profile.ChargingProfileId),
                ("$payload", TransactionOutbox.Encode(new SetChargingProfileRequest { ConnectorId = profile.ConnectorId, CsChargingProfiles = profile.Profile }))).ExecuteNonQuery();
        }

        return position;
    });
}
