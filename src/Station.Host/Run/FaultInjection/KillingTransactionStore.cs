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

    public long Begin(StoredTransaction transaction, string startTransactionPayload) =>
        Around(nameof(Begin), () => inner.Begin(transaction, startTransactionPayload));

    public void RecordSample(TransactionSample sample) => Around(nameof(RecordSample), () => inner.RecordSample(sample));

    public void RecordRegister(int connectorId, double energyWh, DateTimeOffset at) => Around(nameof(RecordRegister), () => inner.RecordRegister(connectorId, energyWh, at));

    public IReadOnlyDictionary<int, double> LoadRegisters() => inner.LoadRegisters();

    public void SetTransactionId(long localId, int transactionId) => Around(nameof(SetTransactionId), () => inner.SetTransactionId(localId, transactionId));

    public void End(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload) =>
        Around(nameof(End), () => inner.End(localId, finalEnergyWh, at, stopTransactionPayload));

    public IReadOnlyList<StoredTransaction> LoadOpen() => inner.LoadOpen();

    public int? FindTransactionId(long localId) => inner.FindTransactionId(localId);

    public void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite) => Around(nameof(ShiftUnsent), () => inner.ShiftUnsent(delta, rewrite));

    public void Enqueue(OutboxMessage message) => Around(nameof(Enqueue), () => inner.Enqueue(message));

    public OutboxEntry? Peek() => inner.Peek();

    public int Count() => inner.Count();

    public void Complete(long sequence, long? localTransactionId = null, int? transactionId = null) =>
        Around(nameof(Complete), () => inner.Complete(sequence, localTransactionId, transactionId));

    public void RecordAttempt(long sequence, int attempts) => Around(nameof(RecordAttempt), () => inner.RecordAttempt(sequence, attempts));

    public void Abandon(long sequence, string reason) => Around(nameof(Abandon), () => inner.Abandon(sequence, reason));

    public int AbandonTransaction(long localTransactionId, string reason) => Around(nameof(AbandonTransaction), () => inner.AbandonTransaction(localTransactionId, reason));

    public int DeadLetterCount() => inner.DeadLetterCount();

    private void Around(string method, Action call) => Around(method, () =>
    {
        call();
        return 0;
    });

    private T Around<T>(string method, Func<T> call)
    {
        // Counted only for the chosen method: "the third Complete" is what a run asks for.
        var due = method == point.Method && Interlocked.Increment(ref _calls) == point.Occurrence;
        if (due && point.Before)
        {
            Die();
        }

        var result = call();
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
