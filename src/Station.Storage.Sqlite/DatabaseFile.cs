using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>
/// One open SQLite file and its one connection, used under a lock. Alone (a station of <c>run</c>)
/// every write is its own transaction. Shared by a fleet, writes are grouped: each runs in a
/// savepoint of the batch transaction open at the time, and returns once a COMMIT covering it is
/// done; whoever reaches the commit first commits everything written until then, so while one
/// commit is on its way to the disk the writers arriving meanwhile pile into the next one, and
/// thousands of stations share a few commits per second instead of one each. Asynchronous writes
/// (<see cref="RunAsync"/>) of a shared file go to its <see cref="WriterThread"/> instead, which
/// groups them the same way without a caller's thread waiting for the disk.
/// </summary>
internal sealed class DatabaseFile : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StatementCache _statements;
    private readonly Lock _gate = new();
    private readonly Lock _commitGate = new();
    private readonly WriterThread _writer;
    private Batch? _open;
    private volatile bool _closed;

    public DatabaseFile(SqliteConnection connection, string path, bool grouped)
    {
        _connection = connection;
        _statements = StatementCache.For(connection);
        Path = path;
        Grouped = grouped;
        _writer = new WriterThread($"sqlite writer {System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path))}", WriteBatch);
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

    /// <summary>
    /// Runs atomic <paramref name="work"/>; the task completes once a COMMIT covering it is done (its
    /// result) or failed (the work's exception, else the commit's). Shared, the work is queued for the
    /// writer thread and grouped with the other stations' writes, so no pool thread waits for the disk
    /// however many stations write. Alone (a station's own file), the caller commits it at once: a hop
    /// to the writer thread and back costs a single station more than the thread it frees (measured
    /// +0.1 to +0.25 ms on the median of a remote start or stop, see docs/architecture.md).
    /// </summary>
    public Task<T> RunAsync<T>(Func<SqliteConnection, T> work)
    {
        var write = new PendingWrite<T>(work);
        if (Grouped)
        {
            _writer.Post(write);
        }
        else if (_closed)
        {
            write.Finish(new ObjectDisposedException(Path, "the station database is closed"));
        }
        else
        {
            WriteBatch([write]);
        }

        return write.Task;
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
        // The queued writes first: the writer thread needs the gate and the open connection.
        _closed = true;
        _writer.Dispose();
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

    // One batch of the writer thread: each write in a savepoint (a write that throws is undone alone),
    // then one COMMIT; alone the gate is held to the end (a synchronous write would open a transaction
    // of its own), shared the batch is the group's open one and commits as the synchronous writes do.
    private void WriteBatch(List<PendingWrite> writes)
    {
        Batch? group = null;
        Exception? failure = null;
        lock (_gate)
        {
            try
            {
                if (Grouped)
                {
                    if (_open is null)
                    {
                        Exec("BEGIN");
                        _open = new Batch();
                    }

                    group = _open;
                }
                else
                {
                    Exec("BEGIN");
                }

                // A lone write of a file alone needs no savepoint (its failure rolls the transaction back): the common case of `run`.
                if (group is null && writes.Count == 1)
                {
                    if (writes[0].Execute(_connection))
                    {
                        Exec("COMMIT");
                        Commits++;
                    }
                    else
                    {
                        Exec("ROLLBACK");
                    }
                }
                else
                {
                    foreach (var write in writes)
                    {
                        Exec("SAVEPOINT work");
                        if (!write.Execute(_connection))
                        {
                            Exec("ROLLBACK TO work");
                        }

                        Exec("RELEASE work");
                    }

                    if (group is not null)
                    {
                        group.Written = true;
                    }
                    else
                    {
                        Exec("COMMIT");
                        Commits++;
                    }
                }
            }
            catch (SqliteException ex)
            {
                // E.g. a full disk: SQLite may have rolled the whole transaction back, so every write of it failed.
                failure = ex;
                RollBackQuietly();
                if (group is not null)
                {
                    group.Failure = ex;
                    group.Done = true;
                    _open = null;
                }
            }
            finally
            {
                _statements.ReleaseTransient();
            }
        }

        if (group is not null && failure is null)
        {
            try
            {
                Commit(group);
            }
            catch (SqliteException ex)
            {
                failure = ex;
            }
        }

        foreach (var write in writes)
        {
            write.Finish(failure);
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
