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
    private HeldCall? _heldConfirmation;

    /// <summary>Holds the next <see cref="RecordSampleAsync"/> that matches; its <see cref="HeldCall.Reached"/> completes when the station makes it.</summary>
    public HeldCall HoldNextSample(Func<TransactionSample, bool> match)
    {
        lock (_gate)
        {
            _sampleToHold = match;
            _held = new HeldCall();
            return _held;
        }
    }

    /// <summary>
    /// Holds the next <see cref="CompleteAsync"/> that records a transactionId (a StartTransaction answered):
    /// the station has read the answer but not applied it until the test lets the commit through.
    /// </summary>
    public HeldCall HoldNextStartConfirmation()
    {
        lock (_gate)
        {
            return _heldConfirmation = new HeldCall();
        }
    }

    /// <inheritdoc/>
    public async Task RecordSampleAsync(TransactionSample sample)
    {
        HeldCall? held = null;
        lock (_gate)
        {
            if (_sampleToHold is { } match && match(sample))
            {
                (held, _sampleToHold) = (_held, null);
            }
        }

        if (held is not null && !await held.WaitAsync().ConfigureAwait(false))
        {
            throw new IOException("the power went before this commit");
        }

        await inner.RecordSampleAsync(sample).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload) => inner.BeginAsync(transaction, startTransactionPayload);

    /// <inheritdoc/>
    public Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at) => inner.RecordRegisterAsync(connectorId, energyWh, at);

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> LoadRegisters() => inner.LoadRegisters();

    /// <inheritdoc/>
    public Task SetTransactionIdAsync(long localId, int transactionId) => inner.SetTransactionIdAsync(localId, transactionId);

    /// <inheritdoc/>
    public Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) => inner.EndAsync(localId, finalEnergyWh, at, stopTransactionPayload);

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen() => inner.LoadOpen();

    /// <inheritdoc/>
    public int? FindTransactionId(long localId) => inner.FindTransactionId(localId);

    /// <inheritdoc/>
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => inner.ShiftUnsent(delta, rewrite);

    /// <inheritdoc/>
    public Task EnqueueAsync(OutboxMessage message) => inner.EnqueueAsync(message);

    /// <inheritdoc/>
    public OutboxEntry? Peek() => inner.Peek();

    /// <inheritdoc/>
    public int Count() => inner.Count();

    /// <inheritdoc/>
    public async Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null)
    {
        HeldCall? held = null;
        if (transactionId is not null)
        {
            lock (_gate)
            {
                (held, _heldConfirmation) = (_heldConfirmation, null);
            }
        }

        if (held is not null && !await held.WaitAsync().ConfigureAwait(false))
        {
            throw new IOException("the power went before this commit");
        }

        await inner.CompleteAsync(sequence, localTransactionId, transactionId).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task RecordAttemptAsync(long sequence, int attempts) => inner.RecordAttemptAsync(sequence, attempts);

    /// <inheritdoc/>
    public Task AbandonAsync(long sequence, string reason) => inner.AbandonAsync(sequence, reason);

    /// <inheritdoc/>
    public Task<int> AbandonTransactionAsync(long localTransactionId, string reason) => inner.AbandonTransactionAsync(localTransactionId, reason);

    /// <inheritdoc/>
    public int DeadLetterCount() => inner.DeadLetterCount();
}
