namespace Station.Benchmarks.Chaos;

/// <summary>
/// One charging session the driver played through the control API, as the driver saw it (its own
/// actions and when the station acknowledged them); the verdict comes from the Central System's record.
/// </summary>
internal sealed class DriverSession(string idTag, int instance)
{
    /// <summary>Unique per session, so the Central System's record names the session of each transaction.</summary>
    public string IdTag { get; } = idTag;

    /// <summary>The station process it ran in.</summary>
    public int Instance { get; } = instance;

    /// <summary>When the control API reported the transaction running (its start is journaled by then).</summary>
    public long? ChargingSeenAt { get; set; }

    public StopKind? Stop { get; set; }

    public long? StopRequestedAt { get; set; }

    /// <summary>When the stop request was answered 200: the station journaled the stop before answering.</summary>
    public long? StopAcknowledgedAt { get; set; }

    /// <summary>The reason the stop must carry: the driver's, if acknowledged before the kill; PowerLoss if not even asked for.</summary>
    public string? ExpectedReason => StopAcknowledgedAt is not null
        ? (Stop == StopKind.Unplug ? "EVDisconnected" : "Local")
        : StopRequestedAt is null ? "PowerLoss" : null;
}
