using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>
/// The station's SQLite file, created and migrated on open. One connection, used under a lock:
/// the station's writes are few and small, and each one is durable before it returns: on the disk
/// with <see cref="Durability.PowerLossSafe"/> (WAL with synchronous=FULL, what a power loss needs),
/// in the operating system with <see cref="Durability.ProcessCrashSafe"/> (synchronous=NORMAL).
/// </summary>
public sealed class StationDatabase : IDisposable
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "station.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private StationDatabase(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// The station's rows in a file that may be shared: every table carries a <c>station</c>
    /// column and every statement filters on it, so a fleet keeps many stations in one database.
    /// A station alone is 0.
    /// </summary>
    public long Station { get; init; }

    /// <summary>Opens (creating and migrating as needed) the database in <paramref name="dataDirectory"/>.</summary>
    /// <param name="dataDirectory">The station's data directory.</param>
    /// <param name="durability">What a commit survives once it returns.</param>
    public static StationDatabase Open(string dataDirectory, Durability durability = Durability.PowerLossSafe)
    {
        var synchronous = durability switch
        {
            Durability.PowerLossSafe => "FULL",
            Durability.ProcessCrashSafe => "NORMAL",
            _ => throw new ArgumentOutOfRangeException(nameof(durability), durability, "not a Durability"),
        };

        Directory.CreateDirectory(dataDirectory);
        var path = System.IO.Path.Combine(dataDirectory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var database = new StationDatabase(connection, path);
            database.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000;");
            Migrations.Apply(database);
            return database;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> with the connection, serialized.</summary>
    public T Use<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    /// <summary>Runs <paramref name="work"/> inside one SQLite transaction: all of it is stored, or none.</summary>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var result = work(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    /// <summary>Executes a statement with parameters given as name/value pairs.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Use(connection => Command(connection, null, sql, parameters).ExecuteNonQuery());

    /// <summary>Creates a command bound to <paramref name="transaction"/> (if any) with the parameters.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
