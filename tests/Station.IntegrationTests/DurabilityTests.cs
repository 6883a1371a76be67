using Ocpp16.Testing;
using Station.Storage.Sqlite;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>What each durability asks of SQLite, on a real file; kill -9 for both is in the host's RunCommandTests.</summary>
public sealed class DurabilityTests
{
    // PRAGMA synchronous answers 2 for FULL and 1 for NORMAL (sqlite.org/pragma.html#pragma_synchronous).
    [Theory]
    [InlineData(Durability.PowerLossSafe, 2L)]
    [InlineData(Durability.ProcessCrashSafe, 1L)]
    public void The_database_is_opened_in_WAL_with_the_synchronous_level_of_its_durability(Durability durability, long synchronous)
    {
        using var directory = new TempDirectory();
        using var database = StationDatabase.Open(directory.Path, durability);

        Assert.Equal("wal", Pragma(database, "journal_mode"));
        Assert.Equal(synchronous, Pragma(database, "synchronous"));
    }

    [Fact]
    public void The_default_is_power_loss_safe()
    {
        using var directory = new TempDirectory();
        var (_, database) = SqliteStationStorage.Open(directory.Path);
        using (database)
        {
            Assert.Equal(2L, Pragma(database, "synchronous"));
        }
    }

    // The level is a property of the connection, not of the file: a station may switch either way between runs.
    [Fact]
    public void A_file_written_with_one_durability_opens_with_the_other_and_keeps_its_data()
    {
        using var directory = new TempDirectory();
        var (stores, first) = SqliteStationStorage.Open(directory.Path, Durability.ProcessCrashSafe);
        using (first)
        {
            stores.Configuration.Save("HeartbeatInterval", "123");
        }

        var (reopened, second) = SqliteStationStorage.Open(directory.Path, Durability.PowerLossSafe);
        using (second)
        {
            Assert.Equal("123", reopened.Configuration.Load()["HeartbeatInterval"]);
            Assert.Equal(2L, Pragma(second, "synchronous"));
        }
    }

    private static object? Pragma(StationDatabase database, string name) =>
        database.Use(connection => StationDatabase.Command(connection, null, $"PRAGMA {name}").ExecuteScalar());
}
