using Microsoft.Data.Sqlite;

namespace Station.Storage.Sqlite;

/// <summary>
/// Work queued for the writer thread of a file (<see cref="WriterThread"/>): it runs in a savepoint
/// of the writer's batch, and its task completes once the COMMIT covering it is done (or failed).
/// </summary>
internal abstract class PendingWrite
{
    /// <summary>Runs the work; false when it threw (its savepoint is then rolled back, the rest of the batch is not).</summary>
    public abstract bool Execute(SqliteConnection connection);

    /// <summary>Completes the task: the work's own failure first, else the batch's, else its result.</summary>
    public abstract void Finish(Exception? batchFailure);
}
