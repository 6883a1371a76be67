using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>
/// One open SQLite file and its one connection, used under a lock. Alone (a station of <c>run</c>)
/// every write is its own transaction. Shared by a fleet, writes are grouped: each runs in a
/// savepoint of the batch transaction open at the time, and returns once a COMMIT covering it is
/// done; whoever reaches the commit first commits everything written until then, so while one
/// commit is on its way to the disk the writers arriving meanwhile pile into the next one, and
/// thousands of stations share a few commits per second instead of one each.
/// </summary>
internal sealed class DatabaseFile : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StatementCache _statements;
    private readonly Lock _gate = new();
    private readonly Lock _commitGate = new();
    private Batch? _open;

    public DatabaseFile(SqliteConnection connection, string path, bool grouped)
    {
        _connection = connection;
        _statements = StatementCache.For(connection);
        Path = path;
        Grouped = grouped;
    }

    public string Path { get; }

    /// <summary>Whether writes are grouped into shared commits (a fleet's database).</summary>
    public bool Grouped { get; }

    /// <summary>Commits done (grouped: batches), for the figures of the fleet.</summary>
    public long Commits { get; private set; }

    /// <summary>Runs <paramref name="work"/> serialized; <paramref name="atomic"/> work runs in a transaction (alone) or a savepoint (grouped).</summary>
    public T Run<T>(Func<SqliteConnection, SqliteTransaction?, T> work, bool atomic)
    {
        try
        {
            return RunLocked(work, atomic);
        }
        finally
        {
            lock (_gate)
            {
                _statements.ReleaseTransient();
            }
        }
    }

    private T RunLocked<T>(Func<SqliteConnection, SqliteTransaction?, T> work, bool atomic)
    {
        if (!Grouped)
        {
            lock (_gate)
            {
                if (!atomic)
                {
                    return work(_connection, null);
                }

                using var transaction = _connection.BeginTransaction();
                var result = work(_connection, transaction);
                transaction.Commit();
                Commits++;
                return result;
            }
        }

        Batch batch;
        T value;
        lock (_gate)
        {
            var before = SQLitePCL.raw.sqlite3_total_changes(_connection.Handle);
            if (_open is null)
            {
                Exec("BEGIN");
                _open = new Batch();
            }

            Exec("SAVEPOINT work");
            try
            {
                value = work(_connection, null);
                Exec("RELEASE work");
            }
            catch
            {
                Exec("ROLLBACK TO work");
                Exec("RELEASE work");
                throw;
            }

            batch = _open;
            if (SQLitePCL.raw.sqlite3_total_changes(_connection.Handle) == before)
            {
                // A read: nothing to wait for; a batch nobody wrote to ends at once, so no read transaction stays open.
                if (!batch.Written)
                {
                    Exec("COMMIT");
                    _open = null;
                }

                return value;
            }

            batch.Written = true;
        }

        Commit(batch);
        return value;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_open is not null)
            {
                Exec("COMMIT");
                _open = null;
            }

            _statements.Clear();
            _connection.Dispose();
        }
    }

    private void Commit(Batch batch)
    {
        lock (_commitGate)
        {
            if (!batch.Done)
            {
                lock (_gate)
                {
                    try
                    {
                        Exec("COMMIT");
                        Commits++;
                    }
                    catch (SqliteException ex)
                    {
                        batch.Failure = ex;
                        RollBackQuietly();
                    }
                    finally
                    {
                        batch.Done = true;
                        _open = null;
                    }
                }
            }

            if (batch.Failure is { } failure)
            {
                throw new SqliteException($"the group commit failed: {failure.Message}", failure.SqliteErrorCode);
            }
        }
    }

    // A failed COMMIT may have rolled back already; what matters is that no transaction stays open.
    private void RollBackQuietly()
    {
        try
        {
            Exec("ROLLBACK");
        }
        catch (SqliteException)
        {
        }
    }

    private void Exec(string sql)
    {
        // Prepared once (BEGIN, SAVEPOINT, RELEASE, COMMIT run four times per grouped write).
        _statements.Get(sql, null).ExecuteNonQuery();
    }

    private sealed class Batch
    {
        public bool Written { get; set; }

        public bool Done { get; set; }

        public SqliteException? Failure { get; set; }
    }
}
