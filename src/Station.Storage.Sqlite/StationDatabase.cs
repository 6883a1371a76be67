using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>
/// The station's SQLite file, created and migrated on open. One connection, used under a lock:
/// the station's writes are few and small, and each one is durable before it returns: on the disk
/// with <see cref="Durability.PowerLossSafe"/> (WAL with synchronous=FULL, what a power loss needs),
/// in the operating system with <see cref="Durability.ProcessCrashSafe"/> (synchronous=NORMAL).
/// A fleet opens the file once (<see cref="OpenShared"/>) and gives each station a handle of its own
/// (<see cref="ForStation"/>): the same connection, the station's <see cref="Station"/> key, and its
/// writes grouped with the other stations' into shared commits (<see cref="DatabaseFile"/>).
/// </summary>
public sealed class StationDatabase : IDisposable
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "station.db";

    [ThreadStatic]
    private static long? _currentStation;

    private readonly DatabaseFile _file;
    private readonly bool _ownsFile;

    private StationDatabase(DatabaseFile file, bool ownsFile)
    {
        _file = file;
        _ownsFile = ownsFile;
    }

    /// <summary>The database file.</summary>
    public string Path => _file.Path;

    /// <summary>Commits done on the file so far (shared: group commits of every station).</summary>
    public long Commits => _file.Commits;

    /// <summary>
    /// The station's rows in a file that may be shared: every table carries a <c>station</c>
    /// column and every statement filters on it, so a fleet keeps many stations in one database.
    /// A station alone is 0.
    /// </summary>
    public long Station { get; init; }

    /// <summary>Opens (creating and migrating as needed) the database in <paramref name="dataDirectory"/>.</summary>
    /// <param name="dataDirectory">The station's data directory.</param>
    /// <param name="durability">What a commit survives once it returns.</param>
    public static StationDatabase Open(string dataDirectory, Durability durability = Durability.PowerLossSafe) => Open(dataDirectory, durability, grouped: false);

    /// <summary>
    /// Opens the database of a fleet in <paramref name="dataDirectory"/>, shared by its stations:
    /// take each station's handle with <see cref="ForStation"/>; disposing this closes the file.
    /// </summary>
    public static StationDatabase OpenShared(string dataDirectory, Durability durability = Durability.ProcessCrashSafe) => Open(dataDirectory, durability, grouped: true);

    /// <summary>The handle of station <paramref name="station"/> on this file (disposing it leaves the file open).</summary>
    public StationDatabase ForStation(long station) => new(_file, ownsFile: false) { Station = station };

    private static StationDatabase Open(string dataDirectory, Durability durability, bool grouped)
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
            // PRAGMAs and migrations first, each their own transaction, then the file groups writes if shared.
            var setup = new StationDatabase(new DatabaseFile(connection, path, grouped: false), ownsFile: false);
            setup.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000;");
            Migrations.Apply(setup);
            return new StationDatabase(new DatabaseFile(connection, path, grouped), ownsFile: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> with the connection, serialized.</summary>
    public T Use<T>(Func<SqliteConnection, T> work) => _file.Run((connection, _) => AsStation(() => work(connection)), atomic: false);

    /// <summary>Runs <paramref name="work"/> inside one SQLite transaction: all of it is stored, or none.</summary>
    /// <remarks>In a shared file the work runs in a savepoint of the group's transaction and gets no <see cref="SqliteTransaction"/> (null): pass it on to <see cref="Command"/> only.</remarks>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work) => _file.Run((connection, transaction) => AsStation(() => work(connection, transaction!)), atomic: true);

    /// <summary>
    /// Runs <paramref name="work"/> atomically on the file's writer thread, grouped with the writes
    /// queued meanwhile; the task completes once it is committed (durable as <see cref="Durability"/>
    /// says). The caller's thread is free meanwhile, and so is any lock it holds across the await
    /// from blocking one. Pass no transaction to <see cref="Command"/> inside it.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<SqliteConnection, T> work) => _file.RunAsync(connection => AsStation(() => work(connection)));

    /// <summary>Executes a statement with parameters given as name/value pairs.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Use(connection => Command(connection, null, sql, parameters).ExecuteNonQuery());

    /// <summary>
    /// Creates a command bound to <paramref name="transaction"/> (if any) with the parameters. A
    /// statement that names <c>$station</c> without binding it gets the <see cref="Station"/> of the
    /// handle whose <see cref="Use"/> or <see cref="InTransaction"/> runs it (the stores' static helpers have no handle).
    /// </summary>
    /// <remarks>
    /// The command is the connection's prepared one for <paramref name="sql"/> (<see cref="StatementCache"/>), valid until the
    /// next <see cref="Command"/> of the same text: execute it, never dispose it.
    /// </remarks>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = StatementCache.For(connection).Get(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        if (_currentStation is { } station && sql.Contains("$station", StringComparison.Ordinal) && !command.Parameters.Contains("$station"))
        {
            command.Parameters.AddWithValue("$station", station);
        }

        return command;
    }

    // The station whose work runs on this thread now (under the file's lock, so never two at once).
    private T AsStation<T>(Func<T> work)
    {
        var outer = _currentStation;
        _currentStation = Station;
        try
        {
            return work();
        }
        finally
        {
            _currentStation = outer;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsFile)
        {
            _file.Dispose();
        }
    }
}
