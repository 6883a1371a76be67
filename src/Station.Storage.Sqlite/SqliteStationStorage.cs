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
        RestrictToOwner(database.Path);
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
        LocalAuthList = new SqliteLocalAuthListStore(database),
        Reservations = new SqliteReservationStore(database),
        ChargingProfiles = new SqliteChargingProfileStore(database),
        SecurityEvents = new SqliteSecurityEventStore(database),
        Certificates = new SqliteCertificateStore(database),
        SecurityProfile = new SqliteSecurityProfileStore(database),
    };
    /// <summary>
    /// Makes the database file (and its WAL files) readable by its owner only: it holds the charge
    /// point's private key (security profile 3), like an SSH key. A fleet's shared file too.
    /// </summary>
    /// <param name="path">The database file.</param>
    public static void RestrictToOwner(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}
