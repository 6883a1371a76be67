namespace Station.Transactions;

/// <summary>
/// The transaction journal and its outbox (OCPP 1.6 §4.8–4.10, §3.4 on delivery): transactions are
/// journaled and their messages persisted, in one atomic step each, before anything is sent, so a
/// transaction message survives a disconnect, a reboot and <c>kill -9</c>.
/// </summary>
/// <remarks>
/// The writes are asynchronous: the task completes once the write is committed, so what follows an
/// await may rely on it (send it, answer for it). A store may commit on the caller's thread or on a
/// thread of its own (a fleet's shared database does, so thousands of stations wait for the disk
/// without holding threads); the station lock the caller holds stays held either way. The reads,
/// and the rare <see cref="ShiftUnsent"/> (a clock jump), stay synchronous.
/// </remarks>
public interface ITransactionStore
{
    /// <summary>
    /// Journals a new transaction (its <see cref="StoredTransaction.LocalId"/> is ignored), queues
    /// its StartTransaction payload and raises the connector's register floor to
    /// <see cref="StoredTransaction.LastMeterWh"/>, atomically; returns the local id.
    /// </summary>
    Task<long> BeginAsync(StoredTransaction transaction, string startTransactionPayload);

    /// <summary>
    /// Persists a reading of a running transaction (its meterStop should the power fail now), the
    /// connector's register floor, and what the reading produced, atomically.
    /// </summary>
    Task RecordSampleAsync(TransactionSample sample);

    /// <summary>
    /// Raises the register floor of a connector to <paramref name="energyWh"/> (a reading that leaves
    /// the station outside a transaction, e.g. a clock-aligned or triggered value); never lowers it.
    /// </summary>
    Task RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at);

    /// <summary>
    /// The register floor of each connector: the highest reading the station ever reported or
    /// queued. A register resumes from here after a restart, so it never runs backwards (pitfall 10).
    /// </summary>
    IReadOnlyDictionary<int, double> LoadRegisters();

    /// <summary>Records the transactionId the Central System assigned.</summary>
    Task SetTransactionIdAsync(long localId, int transactionId);

    /// <summary>
    /// Marks the transaction ended, records its final reading (the register floor included) and
    /// queues its StopTransaction payload, atomically.
    /// </summary>
    Task EndAsync(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload);

    /// <summary>Transactions that were never ended (after a power loss).</summary>
    IReadOnlyList<StoredTransaction> LoadOpen();

    /// <summary>The transactionId assigned to a local transaction, if any yet.</summary>
    int? FindTransactionId(long localId);

    /// <summary>
    /// Rewrites, atomically, every queued payload with <paramref name="rewrite"/> (given the action and
    /// the payload, it returns the new payload) and moves the times of open transactions by
    /// <paramref name="delta"/>: the correction after a clock jump.
    /// </summary>
    void ShiftUnsent(TimeSpan delta, Func<string, string, string> rewrite);

    /// <summary>Queues a message (a notification that must survive a power loss, or MeterValues of a transaction).</summary>
    Task EnqueueAsync(OutboxMessage message);

    /// <summary>The oldest queued message, if any.</summary>
    OutboxEntry? Peek();

    /// <summary>The number of queued messages.</summary>
    int Count();

    /// <summary>Removes a delivered message; for a StartTransaction, records the assigned transactionId in the same step.</summary>
    Task CompleteAsync(long sequence, long? localTransactionId = null, int? transactionId = null);

    /// <summary>Records a failed attempt.</summary>
    Task RecordAttemptAsync(long sequence, int attempts);

    /// <summary>Moves a message that can no longer be delivered to the dead letters (kept, never silently lost).</summary>
    Task AbandonAsync(long sequence, string reason);

    /// <summary>Moves every queued message of a local transaction to the dead letters; returns how many.</summary>
    Task<int> AbandonTransactionAsync(long localTransactionId, string reason);

    /// <summary>The number of messages in the dead letters.</summary>
    int DeadLetterCount();
}
