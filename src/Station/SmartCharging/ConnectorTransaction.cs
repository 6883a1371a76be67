namespace Station.SmartCharging;

/// <summary>The transaction running on a connector, as far as smart charging needs it.</summary>
/// <param name="Start">When the transaction started: the zero of its Relative schedules (§7.9).</param>
/// <param name="TransactionId">The id the Central System gave it; null while StartTransaction.conf has not come.</param>
public sealed record ConnectorTransaction(DateTimeOffset Start, int? TransactionId);
