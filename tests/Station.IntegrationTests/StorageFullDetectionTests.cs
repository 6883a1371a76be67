using Microsoft.Data.Sqlite;
using Ocpp16.Testing;
using Station.Runtime;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>
/// What the station takes for a full storage (the security event MemoryExhaustion): SQLite's own
/// SQLITE_FULL from a real database that cannot grow, and a full disk's I/O error; not other failures.
/// </summary>
public sealed class StorageFullDetectionTests
{
    [Fact]
    public void A_real_SQLite_database_that_cannot_grow_fails_with_what_the_station_takes_for_a_full_storage()
    {
        using var directory = new TempDirectory();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory.Path, "full.db")};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v BLOB); PRAGMA max_page_count = 3;";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES (randomblob(100000))";
        var full = Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());

        Assert.Equal(13, full.SqliteErrorCode);
        Assert.True(StationRuntime.StorageFull(full));
        Assert.True(StationRuntime.StorageFull(new InvalidOperationException("a write failed", full)));
    }

    [Fact]
    public void Other_database_failures_are_no_full_storage()
    {
        using var directory = new TempDirectory();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory.Path, "other.db")};Pooling=False");
        connection.Open();
        using var broken = connection.CreateCommand();
        broken.CommandText = "INSERT INTO no_such_table VALUES (1)";
        var failure = Assert.Throws<SqliteException>(() => broken.ExecuteNonQuery());

        Assert.False(StationRuntime.StorageFull(failure));
        Assert.False(StationRuntime.StorageFull(new IOException("connection reset")));
    }

    [Fact]
    public void A_full_disk_I_O_error_is_a_full_storage()
    {
        // ENOSPC on Unix (the errno is the HResult .NET gives it), ERROR_DISK_FULL as an HRESULT on Windows.
        var diskFull = OperatingSystem.IsWindows() ? new IOException("There is not enough space on the disk.", unchecked((int)0x80070070)) : new IOException("No space left on device", 28);

        Assert.True(StationRuntime.StorageFull(diskFull));
    }
}
