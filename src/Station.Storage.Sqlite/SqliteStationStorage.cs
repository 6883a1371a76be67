namespace Station.Storage.Sqlite;

/// <summary>Opens a data directory's database and gives every block its store.</summary>
public static class SqliteStationStorage
{
    /// <summary>Opens (creating and migrating) the database in <paramref name="dataDirectory"/>.</summary>
    /// <param name="dataDirectory">The station's data directory.</param>
    /// <param name="durability">What a commit survives once it returns (default: a power cut).</param>
    public static (StationStores Stores, StationDatabase Database) Open(string dataDirectory, Durability durability = Durability.PowerLossSafe)
    {
        var database = StationDatabase.Open(dataDirectory, durability);
        return (Stores(database), database);
    }

    /// <summary>Every block's store on <paramref name="database"/> (a fleet: one station's handle of the shared file).</summary>
    public static StationStores Stores(StationDatabase database) => new()
    {
        Configuration = new SqliteConfigurationStore(database),
        Availability = new SqliteAvailabilityStore(database),
        AuthorizationCache = new SqliteAuthorizationCacheStore(database),
        Transactions = new SqliteTransactionStore(database),
        Firmware = new SqliteFirmwareStore(database),
        Clock = new SqliteClockStore(database),
        Notifications = new SqliteNotificationStore(database),
    };
}
