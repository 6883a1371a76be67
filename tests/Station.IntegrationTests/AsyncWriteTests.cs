using Microsoft.Data.Sqlite;
using Ocpp16.Testing;
using Station.Storage.Sqlite;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>
/// The database's asynchronous writes (<see cref="StationDatabase.InTransactionAsync"/>) on a real
/// file. In a fleet's shared file they run on the file's writer thread, so the caller is not blocked
/// while a commit is on its way to the disk; writes that arrive meanwhile share a commit; a failing
/// write fails alone; closing the file writes what is queued. In a station's own file the caller
/// commits at once. Either way a completed write is committed.
/// </summary>
public sealed class AsyncWriteTests
{
    [Fact]
    public async Task In_a_shared_file_the_caller_is_free_while_its_write_runs_and_the_write_is_committed_when_the_task_completes()
    {
        using var directory = new TempDirectory();
        using var file = StationDatabase.OpenShared(directory.Path);
        using var database = file.ForStation(1);
        using var inWrite = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        var write = database.InTransactionAsync(connection =>
        {
            inWrite.Set();
            release.Wait(TestTimeouts.Default);
            return Insert(connection, "held");
        });

        // The write is running on the writer thread and the caller got its task back unfinished.
        Assert.True(inWrite.Wait(TestTimeouts.Default));
        Assert.False(write.IsCompleted);
        release.Set();
        await write.OrTimeout();

        // Committed: another connection to the file sees it.
        Assert.Equal(["held"], ReadFromAnotherConnection(file.Path));
    }

    [Fact]
    public async Task In_a_shared_file_writes_queued_while_a_commit_runs_share_the_next_commit()
    {
        using var directory = new TempDirectory();
        using var file = StationDatabase.OpenShared(directory.Path);
        using var database = file.ForStation(1);
        using var inWrite = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = database.InTransactionAsync(connection =>
        {
            inWrite.Set();
            release.Wait(TestTimeouts.Default);
            return Insert(connection, "first");
        });
        Assert.True(inWrite.Wait(TestTimeouts.Default));
        var before = database.Commits;

        var queued = Enumerable.Range(0, 50).Select(i => database.InTransactionAsync(connection => Insert(connection, $"queued {i}"))).ToList();
        release.Set();
        await Task.WhenAll([first, .. queued]).OrTimeout();

        // The first write's own commit and one for the fifty that waited behind it (a bounded batch is 512).
        Assert.Equal(before + 2, file.Commits);
        Assert.Equal(51, ReadFromAnotherConnection(file.Path).Count);
    }

    [Fact]
    public async Task In_a_shared_file_a_failing_write_fails_alone_and_the_others_of_its_batch_are_committed()
    {
        using var directory = new TempDirectory();
        using var file = StationDatabase.OpenShared(directory.Path);
        using var database = file.ForStation(1);
        using var inWrite = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = database.InTransactionAsync(connection =>
        {
            inWrite.Set();
            release.Wait(TestTimeouts.Default);
            return Insert(connection, "first");
        });
        Assert.True(inWrite.Wait(TestTimeouts.Default));
        var before = database.Commits;

        var good = database.InTransactionAsync(connection => Insert(connection, "good"));
        var bad = database.InTransactionAsync<int>(connection =>
        {
            Insert(connection, "undone with its savepoint");
            return StationDatabase.Command(connection, null, "INSERT INTO no_such_table VALUES (1)").ExecuteNonQuery();
        });
        var after = database.InTransactionAsync(connection => Insert(connection, "after"));
        release.Set();

        var failure = await Assert.ThrowsAsync<SqliteException>(() => bad.OrTimeout());
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
        await Task.WhenAll(first, good, after).OrTimeout();
        Assert.Equal(before + 2, file.Commits);
        Assert.Equal(["after", "first", "good"], ReadFromAnotherConnection(file.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task In_a_station_s_own_file_the_write_is_committed_when_its_task_completes_and_a_failing_one_leaves_nothing()
    {
        using var directory = new TempDirectory();
        using var database = StationDatabase.Open(directory.Path);
        await database.InTransactionAsync(connection => Insert(connection, "before")).OrTimeout();
        Assert.Equal(["before"], ReadFromAnotherConnection(database.Path));

        var bad = database.InTransactionAsync<int>(connection =>
        {
            Insert(connection, "undone with its transaction");
            return StationDatabase.Command(connection, null, "INSERT INTO no_such_table VALUES (1)").ExecuteNonQuery();
        });
        await Assert.ThrowsAsync<SqliteException>(() => bad.OrTimeout());
        await database.InTransactionAsync(connection => Insert(connection, "after")).OrTimeout();

        Assert.Equal(["after", "before"], ReadFromAnotherConnection(database.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Closing_the_file_writes_what_is_queued_and_a_later_write_fails_as_closed(bool shared)
    {
        using var directory = new TempDirectory();
        var database = shared ? StationDatabase.OpenShared(directory.Path) : StationDatabase.Open(directory.Path);
        var queued = Enumerable.Range(0, 20).Select(i => database.InTransactionAsync(connection => Insert(connection, $"w{i}"))).ToList();

        database.Dispose();

        await Task.WhenAll(queued).OrTimeout();
        Assert.Equal(20, ReadFromAnotherConnection(Path.Combine(directory.Path, StationDatabase.FileName)).Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.InTransactionAsync(connection => Insert(connection, "late")).OrTimeout());
    }

    [Fact]
    public async Task In_a_shared_file_each_station_writes_its_own_rows()
    {
        using var directory = new TempDirectory();
        using var file = StationDatabase.OpenShared(directory.Path);
        using var one = file.ForStation(1);
        using var two = file.ForStation(2);

        await Task.WhenAll(
            one.InTransactionAsync(connection => Insert(connection, "of one")),
            two.InTransactionAsync(connection => Insert(connection, "of two"))).OrTimeout();

        Assert.Equal(["1 of one", "2 of two"], ReadFromAnotherConnection(file.Path, withStation: true).Order(StringComparer.Ordinal));
    }

    // A table of the test's own in the station's file ($station is bound from the handle that runs the write).
    private static int Insert(SqliteConnection connection, string text)
    {
        StationDatabase.Command(connection, null, "CREATE TABLE IF NOT EXISTS async_write_test (station INTEGER NOT NULL, text TEXT NOT NULL)").ExecuteNonQuery();
        return StationDatabase.Command(connection, null, "INSERT INTO async_write_test (station, text) VALUES ($station, $text)", ("$text", text)).ExecuteNonQuery();
    }

    private static List<string> ReadFromAnotherConnection(string path, bool withStation = false)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT station, text FROM async_write_test";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(withStation ? $"{reader.GetInt64(0)} {reader.GetString(1)}" : reader.GetString(1));
        }

        return rows;
    }
}
