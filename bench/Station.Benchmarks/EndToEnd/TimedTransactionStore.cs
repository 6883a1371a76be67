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

    // Named without the Async suffix: the report's names, which read as what the station does.
    public Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload) => TimedAsync("Begin", () => inner.BeginAsync(transaction, startTransactionPayload));

    public Task RecordSampleAsync(TransactionSample sample) => TimedAsync("RecordSample", () => inner.RecordSampleAsync(sample));

    public Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at) => TimedAsync("RecordRegister", () => inner.RecordRegisterAsync(connectorId, energyWh, at));

    public IReadOnlyDictionary<int, double> LoadRegisters() => Timed(nameof(LoadRegisters), inner.LoadRegisters);

    public Task SetTransactionIdAsync(long localId, int transactionId) => TimedAsync("SetTransactionId", () => inner.SetTransactionIdAsync(localId, transactionId));

    public Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) =>
        TimedAsync("End", () => inner.EndAsync(localId, finalEnergyWh, at, stopTransactionPayload));

    public IReadOnlyList<StoredTransaction> LoadOpen() => Timed(nameof(LoadOpen), inner.LoadOpen);

    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => Timed(nameof(ShiftUnsent), () => inner.ShiftUnsent(delta, rewrite));

    public int? FindTransactionId(long localId) => Timed(nameof(FindTransactionId), () => inner.FindTransactionId(localId));

    public Task EnqueueAsync(OutboxMessage message) => TimedAsync("Enqueue", () => inner.EnqueueAsync(message));

    public OutboxEntry? Peek() => Timed(nameof(Peek), inner.Peek);

    public int Count() => Timed(nameof(Count), inner.Count);

    public Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null) =>
        TimedAsync("Complete", () => inner.CompleteAsync(sequence, localTransactionId, transactionId));

    public Task RecordAttemptAsync(long sequence, int attempts) => TimedAsync("RecordAttempt", () => inner.RecordAttemptAsync(sequence, attempts));

    public Task<int> AbandonTransactionAsync(long localTransactionId, string reason) =>
        TimedAsync("AbandonTransaction", () => inner.AbandonTransactionAsync(localTransactionId, reason));

    public int DeadLetterCount() => Timed(nameof(DeadLetterCount), inner.DeadLetterCount);

    public Task AbandonAsync(long sequence, string reason) => TimedAsync("Abandon", () => inner.AbandonAsync(sequence, reason));

    private async Task TimedAsync(string method, Func<Task> call) => await TimedAsync(method, async () =>
    {
        await call().ConfigureAwait(false);
        return 0;
    }).ConfigureAwait(false);

    private async Task<T> TimedAsync<T>(string method, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            Record(method, start);
        }
    }

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
            Record(method, start);
        }
    }

    private void Record(string method, long start)
    {
        var end = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _calls.Add(new StoreCall(method, start, end));
        }
    }
}
