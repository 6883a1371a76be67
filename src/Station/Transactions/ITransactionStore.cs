namespace Station.Transactions;

/// <summary>A transaction message to deliver: an OCPP action and its request payload as JSON.</summary>
/// <param name="Action">StartTransaction, StopTransaction or MeterValues.</param>
/// <param name="Payload">The request as JSON; a transactionId the Central System has not assigned yet is filled in when sent.</param>
/// <param name="LocalTransactionId">The station's own id of the transaction the message belongs to.</param>
public sealed record OutboxMessage(string Action, string Payload, long? LocalTransactionId);

/// <summary>A stored transaction message, oldest first.</summary>
/// <param name="Sequence">Its place in the delivery order.</param>
/// <param name="Message">The message.</param>
/// <param name="Attempts">Failed delivery attempts so far (errors and timeouts, not time offline).</param>
public sealed record OutboxEntry(long Sequence, OutboxMessage Message, int Attempts);

/// <summary>A transaction as journaled.</summary>
public sealed record StoredTransaction
{
    /// <summary>The station's own id of the transaction.</summary>
    public required long LocalId { get; init; }

    /// <summary>The connector.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The identifier that started it.</summary>
    public required string IdTag { get; init; }

    /// <summary>The group of that identifier, if known.</summary>
    public string? ParentIdTag { get; init; }

    /// <summary>meterStart in Wh.</summary>
    public required int MeterStartWh { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The reservation it used, if any.</summary>
    public int? ReservationId { get; init; }

    /// <summary>The id the Central System assigned, once StartTransaction was answered.</summary>
    public int? TransactionId { get; init; }

    /// <summary>The last meter reading persisted for it, in Wh.</summary>
    public required double LastMeterWh { get; init; }

    /// <summary>When that reading was taken.</summary>
    public required DateTimeOffset LastMeterAt { get; init; }
}

/// <summary>
/// The transaction journal and its outbox (OCPP 1.6 §4.8–4.10, §3.4 on delivery): transactions are
/// journaled and their messages persisted, in one atomic step each, before anything is sent, so a
/// transaction message survives a disconnect, a reboot and <c>kill -9</c>.
/// </summary>
public interface ITransactionStore
{
    /// <summary>
    /// Journals a new transaction (its <see cref="StoredTransaction.LocalId"/> is ignored) and queues
    /// its StartTransaction payload, atomically; returns the local id.
    /// </summary>
    long Begin(StoredTransaction transaction, string startTransactionPayload);

    /// <summary>Persists the latest meter reading of a running transaction (the meterStop after a power loss).</summary>
    void RecordMeter(long localId, double energyWh, DateTimeOffset at);

    /// <summary>Records the transactionId the Central System assigned.</summary>
    void SetTransactionId(long localId, int transactionId);

    /// <summary>Marks the transaction ended and queues its StopTransaction payload, atomically.</summary>
    void End(long localId, string stopTransactionPayload);

    /// <summary>Transactions that were never ended (after a power loss).</summary>
    IReadOnlyList<StoredTransaction> LoadOpen();

    /// <summary>The transactionId assigned to a local transaction, if any yet.</summary>
    int? FindTransactionId(long localId);

    /// <summary>Queues a message (MeterValues of a transaction).</summary>
    void Enqueue(OutboxMessage message);

    /// <summary>The oldest queued message, if any.</summary>
    OutboxEntry? Peek();

    /// <summary>The number of queued messages.</summary>
    int Count();

    /// <summary>Removes a delivered message; for a StartTransaction, records the assigned transactionId in the same step.</summary>
    void Complete(long sequence, long? localTransactionId = null, int? transactionId = null);

    /// <summary>Records a failed attempt.</summary>
    void RecordAttempt(long sequence, int attempts);

    /// <summary>Moves a message that can no longer be delivered to the dead letters (kept, never silently lost).</summary>
    void Abandon(long sequence, string reason);
}
