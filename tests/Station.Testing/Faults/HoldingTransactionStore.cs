using Station.Transactions;

namespace Station.Testing.Faults;

/// <summary>
/// A transaction store that can stop one chosen write in its tracks: the call blocks before it
/// reaches SQLite, the test looks at what the station did meanwhile, then either lets it through or
/// loses it (the power went before the commit). Every other call passes through unchanged.
/// </summary>
public sealed class HoldingTransactionStore(ITransactionStore inner) : ITransactionStore
{
    private readonly Lock _gate = new();
    private Func<TransactionSample, bool>? _sampleToHold;
    private HeldCall? _held;

    /// <summary>Holds the next <see cref="RecordSample"/> that matches; its <see cref="HeldCall.Reached"/> completes when the station makes it.</summary>
    public HeldCall HoldNextSample(Func<TransactionSample, bool> match)
    {
        lock (_gate)
        {
            _sampleToHold = match;
            _held = new HeldCall();
            return _held;
        }
    }

    /// <inheritdoc/>
    public void RecordSample(TransactionSample sample)
    {
        HeldCall? held = null;
        lock (_gate)
        {
            if (_sampleToHold is { } match && match(sample))
            {
                (held, _sampleToHold) = (_held, null);
            }
        }

        if (held is not null && !held.Wait())
        {
            throw new IOException("the power went before this commit");
        }

        inner.RecordSample(sample);
    }

    /// <inheritdoc/>
    public long Begin(StoredTransaction transaction, string startTransactionPayload) => inner.Begin(transaction, startTransactionPayload);

    /// <inheritdoc/>
    public void RecordRegister(int connectorId, double energyWh, DateTimeOffset at) => inner.RecordRegister(connectorId, energyWh, at);

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> LoadRegisters() => inner.LoadRegisters();

    /// <inheritdoc/>
    public void SetTransactionId(long localId, int transactionId) => inner.SetTransactionId(localId, transactionId);

    /// <inheritdoc/>
    public void End(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) => inner.End(localId, finalEnergyWh, at, stopTransactionPayload);

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen() => inner.LoadOpen();

    /// <inheritdoc/>
    public int? FindTransactionId(long localId) => inner.FindTransactionId(localId);

    /// <inheritdoc/>
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => inner.ShiftUnsent(delta, rewrite);

    /// <inheritdoc/>
    public void Enqueue(OutboxMessage message) => inner.Enqueue(message);

    /// <inheritdoc/>
    public OutboxEntry? Peek() => inner.Peek();

    /// <inheritdoc/>
    public int Count() => inner.Count();

    /// <inheritdoc/>
    public void Complete(long sequence, long? localTransactionId = null, int? transactionId = null) => inner.Complete(sequence, localTransactionId, transactionId);

    /// <inheritdoc/>
    public void RecordAttempt(long sequence, int attempts) => inner.RecordAttempt(sequence, attempts);

    /// <inheritdoc/>
    public void Abandon(long sequence, string reason) => inner.Abandon(sequence, reason);

    /// <inheritdoc/>
    public int AbandonTransaction(long localTransactionId, string reason) => inner.AbandonTransaction(localTransactionId, reason);

    /// <inheritdoc/>
    public int DeadLetterCount() => inner.DeadLetterCount();
}
