namespace Station.Transactions;

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
