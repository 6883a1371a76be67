using System.Diagnostics;
using Station.Transactions;

namespace Station.Host.Run.FaultInjection;

/// <summary>
/// The test hook of <see cref="StoreKillPoint"/>: wraps the transaction store and, at the chosen
/// call, kills its own process with SIGKILL (what <c>kill -9</c> does: no finally block, no flush,
/// no close handshake), before the call reaches SQLite or right after its commit returned.
/// Every other call passes through unchanged.
/// </summary>
internal sealed class KillingTransactionStore(ITransactionStore inner, StoreKillPoint point) : ITransactionStore
{
    private int _calls;

    public Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload) =>
        AroundAsync(nameof(BeginAsync), () => inner.BeginAsync(transaction, startTransactionPayload));

    public Task RecordSampleAsync(TransactionSample sample) => AroundAsync(nameof(RecordSampleAsync), () => inner.RecordSampleAsync(sample));

    public Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at) =>
        AroundAsync(nameof(RecordRegisterAsync), () => inner.RecordRegisterAsync(connectorId, energyWh, at));

    public IReadOnlyDictionary<int, double> LoadRegisters() => inner.LoadRegisters();

    public Task SetTransactionIdAsync(long localId, int transactionId) =>
        AroundAsync(nameof(SetTransactionIdAsync), () => inner.SetTransactionIdAsync(localId, transactionId));

    public Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) =>
        AroundAsync(nameof(EndAsync), () => inner.EndAsync(localId, finalEnergyWh, at, stopTransactionPayload));

    public IReadOnlyList<StoredTransaction> LoadOpen() => inner.LoadOpen();

    public int? FindTransactionId(long localId) => inner.FindTransactionId(localId);

    // Synchronous like the store's own ShiftUnsent: the wrapped call completes before AroundAsync returns.
    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => AroundAsync(nameof(ShiftUnsent), () =>
    {
        inner.ShiftUnsent(delta, rewrite);
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    public Task EnqueueAsync(OutboxMessage message) => AroundAsync(nameof(EnqueueAsync), () => inner.EnqueueAsync(message));

    public OutboxEntry? Peek() => inner.Peek();

    public int Count() => inner.Count();

    public Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null) =>
        AroundAsync(nameof(CompleteAsync), () => inner.CompleteAsync(sequence, localTransactionId, transactionId));

    public Task RecordAttemptAsync(long sequence, int attempts) => AroundAsync(nameof(RecordAttemptAsync), () => inner.RecordAttemptAsync(sequence, attempts));

    public Task AbandonAsync(long sequence, string reason) => AroundAsync(nameof(AbandonAsync), () => inner.AbandonAsync(sequence, reason));

    public Task<int> AbandonTransactionAsync(long localTransactionId, string reason) =>
        AroundAsync(nameof(AbandonTransactionAsync), () => inner.AbandonTransactionAsync(localTransactionId, reason));

    public int DeadLetterCount() => inner.DeadLetterCount();

    private async Task AroundAsync(string method, Func<Task> call) => await AroundAsync(method, async () =>
    {
        await call().ConfigureAwait(false);
        return 0;
    }).ConfigureAwait(false);

    private async Task<T> AroundAsync<T>(string method, Func<Task<T>> call)
    {
        // Counted only for the chosen method: "the third Complete" is what a run asks for.
        var due = StoreKillPoint.ShortName(method) == point.Method && Interlocked.Increment(ref _calls) == point.Occurrence;
        if (due && point.Before)
        {
            Die();
        }

        var result = await call().ConfigureAwait(false);
        if (due)
        {
            Die();
        }

        return result;
    }

    private void Die()
    {
        // stderr, synchronously: the logger writes on a background thread that SIGKILL never lets finish.
        Console.Error.WriteLine($"{StoreKillPoint.EnvironmentVariable}: SIGKILL {point}");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();

        // Kill sends SIGKILL to this very process; nothing below runs.
        throw new UnreachableException("the process survived its own SIGKILL");
    }
}
