namespace Station.Benchmarks.Chaos;

/// <summary>One StopTransaction payload, with all its copies.</summary>
internal sealed record LogicalStop(int TransactionId, string Reason, decimal MeterStop, DateTimeOffset Timestamp)
{
    public List<CsmsFrame> Copies { get; } = [];

    public bool Confirmed { get; set; }
}
