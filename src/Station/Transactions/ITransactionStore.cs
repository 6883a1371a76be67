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

    /// <summary>
    /// The StopTxnSampledData/StopTxnAlignedData values collected so far, oldest first, each a
    /// MeterValues payload with one value (as <see cref="TransactionSample.TransactionDataPayload"/>).
    /// </summary>
    public IReadOnlyList<string> TransactionData { get; init; } = [];
}

/// <summary>
/// A meter reading of a running transaction that leaves the station, persisted in one atomic
/// step: the transaction's last reading, the connector's energy register floor, and what the
/// reading produced (a queued MeterValues, a value for the StopTransaction's transactionData).
/// </summary>
public sealed record TransactionSample
{
    /// <summary>The station's own id of the transaction.</summary>
    public required long LocalId { get; init; }

    /// <summary>The energy register in Wh.</summary>
    public required double EnergyWh { get; init; }

    /// <summary>When the reading was taken.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The MeterValues request to queue for this reading, if any.</summary>
    public string? MeterValuesPayload { get; init; }

    /// <summary>A MeterValues payload with the one value this reading adds to the transactionData, if any.</summary>
    public string? TransactionDataPayload { get; init; }

    /// <summary>
    /// How many transactionData values to keep: the first (Transaction.Begin) and the latest
    /// ones (ORS-8, StopTransactionMaxMeterValues), so a long session stays bounded on disk.
    /// </summary>
    public int TransactionDataLimit { get; init; } = int.MaxValue;
}

/// <summary>
/// The transaction journal and its outbox (OCPP 1.6 §4.8–4.10, §3.4 on delivery): transactions are
/// journaled and their messages persisted, in one atomic step each, before anything is sent, so a
/// transaction message survives a disconnect, a reboot and <c>kill -9</c>.
/// </summary>
public interface ITransactionStore
{
    /// <summary>
    /// Journals a new transaction (its <see cref="StoredTransaction.LocalId"/> is ignored), queues
    /// its StartTransaction payload and raises the connector's register floor to
    /// <see cref="StoredTransaction.LastMeterWh"/>, atomically; returns the local id.
    /// </summary>
    long Begin(StoredTransaction transaction, string startTransactionPayload);

    /// <summary>
    /// Persists a reading of a running transaction (its meterStop should the power fail now), the
    /// connector's register floor, and what the reading produced, atomically.
    /// </summary>
    void RecordSample(TransactionSample sample);

    /// <summary>
    /// Raises the register floor of a connector to <paramref name="energyWh"/> (a reading that leaves
    /// the station outside a transaction, e.g. a clock-aligned or triggered value); never lowers it.
    /// </summary>
    void RecordRegister(int connectorId, double energyWh, DateTimeOffset at);

    /// <summary>
    /// The register floor of each connector: the highest reading the station ever reported or
    /// queued. A register resumes from here after a restart, so it never runs backwards (pitfall 10).
    /// </summary>
    IReadOnlyDictionary<int, double> LoadRegisters();

    /// <summary>Records the transactionId the Central System assigned.</summary>
    void SetTransactionId(long localId, int transactionId);

    /// <summary>
    /// Marks the transaction ended, records its final reading (the register floor included) and
    /// queues its StopTransaction payload, atomically.
    /// </summary>
    void End(long localId, double finalEnergyWh, DateTimeOffset at, string stopTransactionPayload);

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

    /// <summary>Moves every queued message of a local transaction to the dead letters; returns how many.</summary>
    int AbandonTransaction(long localTransactionId, string reason);

    /// <summary>The number of messages in the dead letters.</summary>
    int DeadLetterCount();
}
