using System.Diagnostics;
using Station.Transactions;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Wraps the station's transaction store and records when each call ran, so the latency report can
/// say how much of a remote start or stop is SQLite (journal, outbox, fsync) and how much is the rest.
/// </summary>
internal sealed class TimedTransactionStore(ITransactionStore inner) : ITransactionStore
{
    private readonly Lock _gate = new();
    private readonly List<StoreCall> _calls = [];

    /// <summary>Removes and returns the calls recorded so far.</summary>
    public IReadOnlyList<StoreCall> Take()
    {
        lock (_gate)
        {
            var calls = _calls.ToList();
            _calls.Clear();
            return calls;
        }
    }

    public long Begin(StoredTransaction transaction, string startTransactionPayload) => Timed(nameof(Begin), () => inner.Begin(transaction, startTransactionPayload));

    public void RecordSample(TransactionSample sample) => Timed(nameof(RecordSample), () => inner.RecordSample(sample));

    public void RecordRegister(int connectorId, double energyWh, DateTimeOffset at) => Timed(nameof(RecordRegister), () => inner.RecordRegister(connectorId, energyWh, at));

    public IReadOnlyDictionary<int, double> LoadRegisters() => Timed(nameof(LoadRegisters), inner.LoadRegisters);

    public void SetTransactionId(long localId, int transactionId) => Timed(nameof(SetTransactionId), () => inner.SetTransactionId(localId, transactionId));

    public void End(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) =>
        Timed(nameof(End), () => inner.End(localId, finalEnergyWh, at, stopTransactionPayload));

    public IReadOnlyList<StoredTransaction> LoadOpen() => Timed(nameof(LoadOpen), inner.LoadOpen);

    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => Timed(nameof(ShiftUnsent), () => inner.ShiftUnsent(delta, rewrite));

    public int? FindTransactionId(long localId) => Timed(nameof(FindTransactionId), () => inner.FindTransactionId(localId));

    public void Enqueue(OutboxMessage message) => Timed(nameof(Enqueue), () => inner.Enqueue(message));

    public OutboxEntry? Peek() => Timed(nameof(Peek), inner.Peek);

    public int Count() => Timed(nameof(Count), inner.Count);

    public void Complete(long sequence, long? localTransactionId = null, int? transactionId = null) =>
        Timed(nameof(Complete), () => inner.Complete(sequence, localTransactionId, transactionId));

    public void RecordAttempt(long sequence, int attempts) => Timed(nameof(RecordAttempt), () => inner.RecordAttempt(sequence, attempts));

    public int AbandonTransaction(long localTransactionId, string reason) => Timed(nameof(AbandonTransaction), () => inner.AbandonTransaction(localTransactionId, reason));

    public int DeadLetterCount() => Timed(nameof(DeadLetterCount), inner.DeadLetterCount);

    public void Abandon(long sequence, string reason) => Timed(nameof(Abandon), () => inner.Abandon(sequence, reason));

    private void Timed(string method, Action call) => Timed(method, () =>
    {
        call();
        return 0;
    });

    private T Timed<T>(string method, Func<T> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return call();
        }
        finally
        {
            var end = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                _calls.Add(new StoreCall(method, start, end));
            }
        }
    }
}
