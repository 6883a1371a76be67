using Station.Storage.Sqlite;

namespace Station.Host.Fleet;

/// <summary>
/// What the fleet persists in <c>--data-dir</c>: one SQLite database for every station
/// (<see cref="StationDatabase.OpenShared"/>, writes grouped into shared commits), each station's rows
/// under its index as key, so a restart on the same directory finds every station's queue again.
/// </summary>
internal sealed class FleetStorage : IDisposable
{
    private readonly StationDatabase _database;
    private readonly string _directory;

    private FleetStorage(string directory, StationDatabase database)
    {
        _directory = directory;
        _database = database;
    }

    /// <summary>The shared database (its commit count for the figures).</summary>
    public StationDatabase Database => _database;

    public static FleetStorage Open(string directory, Durability durability)
    {
        try
        {
            var database = StationDatabase.OpenShared(directory, durability);
            SqliteStationStorage.RestrictToOwner(database.Path);
            return new FleetStorage(directory, database);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidDataException)
        {
            throw new UsageException($"--data-dir '{directory}': {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>The directory of one station's files (downloads, archives), made when first needed.</summary>
    public string StationDirectory(string chargePointId) => Path.Combine(_directory, "stations", chargePointId);

    /// <summary>The stores of the station with index <paramref name="index"/>: its handle of the shared database.</summary>
    public StationStores For(int index) => SqliteStationStorage.Stores(_database.ForStation(index));

    public void Dispose() => _database.Dispose();
}
