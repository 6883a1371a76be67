namespace Station.Benchmarks.Chaos;

/// <summary>
/// One transaction as the Central System saw it: every copy of one StartTransaction payload (a
/// copy is OCPP's at-least-once redelivery), the transactionIds it was given, and its stops.
/// </summary>
internal sealed class LogicalTransaction(string idTag, int connectorId, DateTimeOffset startedAt, decimal meterStart)
{
    public string IdTag { get; } = idTag;

    public int ConnectorId { get; } = connectorId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public decimal MeterStart { get; } = meterStart;

    public List<CsmsFrame> Copies { get; } = [];

    /// <summary>The transactionIds of the answered copies, in order: the station keeps the last one it read.</summary>
    public List<int> AssignedIds { get; } = [];

    /// <summary>The distinct StopTransaction payloads the Central System confirmed with a CALLRESULT.</summary>
    public List<LogicalStop> ConfirmedStops { get; } = [];

    /// <summary>Timestamps of its periodic MeterValues, distinct.</summary>
    public SortedSet<DateTimeOffset> Samples { get; } = [];
}
