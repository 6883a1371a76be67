using Station.Storage.Sqlite;

namespace Station.Host.Fleet;

/// <summary>What the fleet persists in <c>--data-dir</c>: every station's stores.</summary>
internal sealed class FleetStorage : IDisposable
{
    private readonly List<StationDatabase> _databases = [];
    private readonly string _directory;
    private readonly Durability _durability;

    private FleetStorage(string directory, Durability durability)
    {
        _directory = directory;
        _durability = durability;
    }

    public static FleetStorage Open(string directory, Durability durability)
    {
        Directory.CreateDirectory(directory);
        return new FleetStorage(directory, durability);
    }

    /// <summary>The directory of one station's files (downloads, archives).</summary>
    public string StationDirectory(string chargePointId) => Path.Combine(_directory, "stations", chargePointId);

    /// <summary>The stores of the station at <paramref name="position"/>.</summary>
    public StationStores For(int position, string chargePointId)
    {
        var (stores, database) = StationFactory.OpenStorage(StationDirectory(chargePointId), _durability);
        lock (_databases)
        {
            _databases.Add(database);
        }

        return stores;
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }
}
