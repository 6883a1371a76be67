namespace Station.Transactions;

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
