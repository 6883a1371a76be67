using System.Globalization;
using Station.Security.Connection;

namespace Station.Storage.Sqlite;

/// <summary>
/// The security profile on trial, one row of <c>station_state</c> ("profile previous attempts"):
/// no table of its own, so no migration.
/// </summary>
public sealed class SqliteSecurityProfileStore(StationDatabase database) : ISecurityProfileStore
{
    private const string Key = "security_profile_trial";

    /// <inheritdoc/>
    public SecurityProfileTrial? Load() => database.Use(connection =>
        StationDatabase.Command(connection, null, "SELECT value FROM station_state WHERE station = $station AND key = $key", ("$key", Key)).ExecuteScalar() is string text
            ? Parse(text)
            : null);

    /// <inheritdoc/>
    public void Save(SecurityProfileTrial? trial)
    {
        if (trial is null)
        {
            database.Execute("DELETE FROM station_state WHERE station = $station AND key = $key", ("$key", Key));
            return;
        }

        database.Execute(
            "INSERT INTO station_state (station, key, value) VALUES ($station, $key, $value) ON CONFLICT (station, key) DO UPDATE SET value = excluded.value",
            ("$key", Key),
            ("$value", string.Create(CultureInfo.InvariantCulture, $"{trial.Profile} {trial.Previous} {trial.FailedAttempts}")));
    }

    // A row that does not read (written by a later version, damaged) is no trial: the station keeps its profile.
    private static SecurityProfileTrial? Parse(string text)
    {
        var parts = text.Split(' ');
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var profile)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var previous)
            && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts)
            ? new SecurityProfileTrial(profile, previous, attempts)
            : null;
    }
}
