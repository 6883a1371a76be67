using Microsoft.Data.Sqlite;
using Station.Transactions;

namespace Station.Testing.Faults;

/// <summary>
/// A transaction store on a disk that can fill up: while <see cref="Full"/> is set, every write
/// fails as SQLite fails on a full disk (SQLITE_FULL) and nothing is written; reads go on.
/// </summary>
public sealed class FullDiskTransactionStore(ITransactionStore inner) : ITransactionStore
{
    private const int SqliteFull = 13;
    private int _refused;

    /// <summary>Whether the disk is full now.</summary>
    public bool Full { get; set; }

    /// <summary>Writes refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <inheritdoc/>
    public Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload) => WriteAsync(() => inner.BeginAsync(transaction, startTransactionPayload));

    /// <inheritdoc/>
    public Task RecordSampleAsync(TransactionSample sample) => WriteAsync(() => inner.RecordSampleAsync(sample));

    /// <inheritdoc/>
    public Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at) => WriteAsync(() => inner.RecordRegisterAsync(connectorId, energyWh, at));

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> LoadRegisters() => inner.LoadRegisters();

    /// <inheritdoc/>
    public Task SetTransactionIdAsync(long localId, int transactionId) => WriteAsync(() => inner.SetTransactionIdAsync(localId, transactionId));

    /// <inheritdoc/>
    public Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) =>
        WriteAsync(() => inner.EndAsync(localId, finalEnergyWh, at, stopTransactionPayload));

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen() => inner.LoadOpen();

    /// <inheritdoc/>
    public int? FindTransactionId(long localId) => inner.FindTransactionId(localId);

    /// <inheritdoc/>
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite)
    {
        RefuseIfFull();
        inner.ShiftUnsent(delta, rewrite);
    }

    /// <inheritdoc/>
    public Task EnqueueAsync(OutboxMessage message) => WriteAsync(() => inner.EnqueueAsync(message));

    /// <inheritdoc/>
    public OutboxEntry? Peek() => inner.Peek();

    /// <inheritdoc/>
    public int Count() => inner.Count();

    /// <inheritdoc/>
    public Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null) =>
        WriteAsync(() => inner.CompleteAsync(sequence, localTransactionId, transactionId));

    /// <inheritdoc/>
    public Task RecordAttemptAsync(long sequence, int attempts) => WriteAsync(() => inner.RecordAttemptAsync(sequence, attempts));

    /// <inheritdoc/>
    public Task AbandonAsync(long sequence, string reason) => WriteAsync(() => inner.AbandonAsync(sequence, reason));

    /// <inheritdoc/>
    public Task<int> AbandonTransactionAsync(long localTransactionId, string reason) => WriteAsync(() => inner.AbandonTransactionAsync(localTransactionId, reason));

    /// <inheritdoc/>
    public int DeadLetterCount() => inner.DeadLetterCount();

    // A full disk fails the write as SQLite does: through the task, as the writer thread reports it.
    private Task<T> WriteAsync<T>(Func<Task<T>> write) => Full ? Task.FromException<T>(Refusal()) : write();

    private Task WriteAsync(Func<Task> write) => Full ? Task.FromException(Refusal()) : write();

    private void RefuseIfFull()
    {
        if (Full)
        {
            throw Refusal();
        }
    }

    private SqliteException Refusal()
    {
        Interlocked.Increment(ref _refused);
        return new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull);
    }
}
