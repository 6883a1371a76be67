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
    public long Begin(StoredTransaction transaction, string startTransactionPayload) => Write(() => inner.Begin(transaction, startTransactionPayload));

    /// <inheritdoc/>
    public void RecordSample(TransactionSample sample) => Write(() => inner.RecordSample(sample));

    /// <inheritdoc/>
    public void RecordRegister(int connectorId, double energyWh, DateTimeOffset at) => Write(() => inner.RecordRegister(connectorId, energyWh, at));

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> LoadRegisters() => inner.LoadRegisters();

    /// <inheritdoc/>
    public void SetTransactionId(long localId, int transactionId) => Write(() => inner.SetTransactionId(localId, transactionId));

    /// <inheritdoc/>
    public void End(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) => Write(() => inner.End(localId, finalEnergyWh, at, stopTransactionPayload));

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen() => inner.LoadOpen();

    /// <inheritdoc/>
    public int? FindTransactionId(long localId) => inner.FindTransactionId(localId);

    /// <inheritdoc/>
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => Write(() => inner.ShiftUnsent(delta, rewrite));

    /// <inheritdoc/>
    public void Enqueue(OutboxMessage message) => Write(() => inner.Enqueue(message));

    /// <inheritdoc/>
    public OutboxEntry? Peek() => inner.Peek();

    /// <inheritdoc/>
    public int Count() => inner.Count();

    /// <inheritdoc/>
    public void Complete(long sequence, long? localTransactionId = null, int? transactionId = null) => Write(() => inner.Complete(sequence, localTransactionId, transactionId));

    /// <inheritdoc/>
    public void RecordAttempt(long sequence, int attempts) => Write(() => inner.RecordAttempt(sequence, attempts));

    /// <inheritdoc/>
    public void Abandon(long sequence, string reason) => Write(() => inner.Abandon(sequence, reason));

    /// <inheritdoc/>
    public int AbandonTransaction(long localTransactionId, string reason) => Write(() => inner.AbandonTransaction(localTransactionId, reason));

    /// <inheritdoc/>
    public int DeadLetterCount() => inner.DeadLetterCount();

    private void Write(Action write) => Write(() =>
    {
        write();
        return 0;
    });

    private T Write<T>(Func<T> write)
    {
        if (Full)
        {
            Interlocked.Increment(ref _refused);
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull);
        }

        return write();
    }
}
