using Station.Transactions;

namespace Station.Tests.Support;

/// <summary>
/// The transaction journal and outbox in memory, with the contract of the SQLite store: each
/// operation is one atomic step, the outbox is delivered in sequence order, abandoned messages
/// move to <see cref="DeadLetters"/>.
/// </summary>
public sealed class InMemoryTransactionStore : ITransactionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, (StoredTransaction Transaction, bool Ended)> _journal = [];
    private readonly SortedDictionary<long, OutboxEntry> _outbox = [];
    private readonly List<(OutboxEntry Entry, string Reason)> _deadLetters = [];
    private readonly List<OutboxMessage> _ended = [];
    private readonly Dictionary<int, double> _registers = [];
    private long _nextLocalId = 1;
    private long _nextSequence = 1;

    /// <summary>Journals transactions as if an earlier run had begun them and never ended them (a power loss).</summary>
    public InMemoryTransactionStore WithOpen(params IEnumerable<StoredTransaction> transactions)
    {
        lock (_gate)
        {
            foreach (var transaction in transactions)
            {
                _journal[transaction.LocalId] = (transaction, false);
                _nextLocalId = Math.Max(_nextLocalId, transaction.LocalId + 1);
            }
        }

        return this;
    }

    /// <summary>The messages waiting, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> Queued
    {
        get
        {
            lock (_gate)
            {
                return [.. _outbox.Values];
            }
        }
    }

    /// <summary>Messages that could not be delivered, with the reason.</summary>
    public IReadOnlyList<(OutboxEntry Entry, string Reason)> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return [.. _deadLetters];
            }
        }
    }

    /// <summary>The StopTransaction payloads <see cref="EndAsync"/> queued, oldest first (delivered or not).</summary>
    public IReadOnlyList<OutboxMessage> Stops
    {
        get
        {
            lock (_gate)
            {
                return [.. _ended];
            }
        }
    }

    /// <summary>The journal entry of a transaction.</summary>
    public StoredTransaction Journaled(long localId)
    {
        lock (_gate)
        {
            return _journal[localId].Transaction;
        }
    }

    /// <inheritdoc/>
    public Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload)
    {
        lock (_gate)
        {
            var localId = _nextLocalId++;
            _journal[localId] = (transaction with { LocalId = localId }, false);
            RaiseLocked(transaction.ConnectorId, transaction.LastMeterWh);
            Add(new OutboxMessage("StartTransaction", startTransactionPayload, localId));
            return Task.FromResult(localId);
        }
    }

    /// <inheritdoc/>
    public Task RecordSampleAsync(TransactionSample sample)
    {
        lock (_gate)
        {
            RecordReadingLocked(sample.LocalId, sample.EnergyWh, sample.At);
            if (sample.MeterValuesPayload is { } payload)
            {
                Add(new OutboxMessage("MeterValues", payload, sample.LocalId));
            }

            if (sample.TransactionDataPayload is { } value && _journal.TryGetValue(sample.LocalId, out var entry) && !entry.Ended)
            {
                List<string> data = [.. entry.Transaction.TransactionData, value];
                if (data.Count > Math.Max(1, sample.TransactionDataLimit))
                {
                    data.RemoveAt(1);
                }

                _journal[sample.LocalId] = (entry.Transaction with { TransactionData = data }, false);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at)
    {
        lock (_gate)
        {
            RaiseLocked(connectorId, energyWh);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> LoadRegisters()
    {
        lock (_gate)
        {
            return new Dictionary<int, double>(_registers);
        }
    }

    /// <inheritdoc/>
    public Task SetTransactionIdAsync(long localId, int transactionId)
    {
        lock (_gate)
        {
            SetTransactionIdLocked(localId, transactionId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload)
    {
        lock (_gate)
        {
            RecordReadingLocked(localId, finalEnergyWh, at);
            if (_journal.TryGetValue(localId, out var entry))
            {
                _journal[localId] = (entry.Transaction with { TransactionData = [] }, true);
            }

            var message = new OutboxMessage("StopTransaction", stopTransactionPayload, localId);
            _ended.Add(message);
            Add(message);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredTransaction> LoadOpen()
    {
        lock (_gate)
        {
            return [.. _journal.Values.Where(e => !e.Ended).Select(e => e.Transaction).OrderBy(t => t.LocalId)];
        }
    }

    /// <inheritdoc/>
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite)
    {
        lock (_gate)
        {
            foreach (var (sequence, entry) in _outbox.ToList())
            {
                _outbox[sequence] = entry with { Message = entry.Message with { Payload = rewrite(entry.Message.Action, entry.Message.Payload) } };
            }

            foreach (var (localId, (transaction, ended)) in _journal.ToList())
            {
                if (!ended)
                {
                    _journal[localId] = (transaction with
                    {
                        StartedAt = transaction.StartedAt + delta,
                        LastMeterAt = transaction.LastMeterAt + delta,
                        TransactionData = [.. transaction.TransactionData.Select(p => rewrite("MeterValues", p))],
                    }, false);
                }
            }
        }
    }

    /// <inheritdoc/>
    public int? FindTransactionId(long localId)
    {
        lock (_gate)
        {
            return _journal.TryGetValue(localId, out var entry) ? entry.Transaction.TransactionId : null;
        }
    }

    /// <inheritdoc/>
    public Task EnqueueAsync(OutboxMessage message)
    {
        lock (_gate)
        {
            Add(message);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public OutboxEntry? Peek()
    {
        lock (_gate)
        {
            return _outbox.Values.FirstOrDefault();
        }
    }

    /// <inheritdoc/>
    public int Count()
    {
        lock (_gate)
        {
            return _outbox.Count;
        }
    }

    /// <inheritdoc/>
    public Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null)
    {
        lock (_gate)
        {
            if (localTransactionId is { } localId && transactionId is { } id)
            {
                SetTransactionIdLocked(localId, id);
            }

            _outbox.Remove(sequence);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RecordAttemptAsync(long sequence, int attempts)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(sequence, out var entry))
            {
                _outbox[sequence] = entry with { Attempts = attempts };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AbandonAsync(long sequence, string reason)
    {
        lock (_gate)
        {
            if (_outbox.Remove(sequence, out var entry))
            {
                _deadLetters.Add((entry, reason));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<int> AbandonTransactionAsync(long localTransactionId, string reason)
    {
        lock (_gate)
        {
            var entries = _outbox.Values.Where(e => e.Message.LocalTransactionId == localTransactionId).ToList();
            foreach (var entry in entries)
            {
                _outbox.Remove(entry.Sequence);
                _deadLetters.Add((entry, reason));
            }

            return Task.FromResult(entries.Count);
        }
    }

    /// <inheritdoc/>
    public int DeadLetterCount()
    {
        lock (_gate)
        {
            return _deadLetters.Count;
        }
    }

    private void RecordReadingLocked(long localId, double energyWh, DateTimeOffset at)
    {
        if (_journal.TryGetValue(localId, out var entry) && !entry.Ended)
        {
            _journal[localId] = (entry.Transaction with { LastMeterWh = energyWh, LastMeterAt = at }, false);
            RaiseLocked(entry.Transaction.ConnectorId, energyWh);
        }
    }

    private void RaiseLocked(int connectorId, double energyWh) =>
        _registers[connectorId] = Math.Max(energyWh, _registers.GetValueOrDefault(connectorId));

    private void Add(OutboxMessage message)
    {
        var sequence = _nextSequence++;
        _outbox[sequence] = new OutboxEntry(sequence, message, 0);
    }

    private void SetTransactionIdLocked(long localId, int transactionId)
    {
        if (_journal.TryGetValue(localId, out var entry))
        {
            _journal[localId] = (entry.Transaction with { TransactionId = transactionId }, entry.Ended);
        }
    }
}
