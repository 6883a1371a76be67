namespace Station.Host.Fleet;

/// <summary>The chaos of a fleet file's group; each field is the <c>--chaos-…</c> option of the same name.</summary>
internal sealed record FleetFileChaos
{
    /// <summary>Network drops per station-hour.</summary>
    public double? Disconnects { get; init; }

    /// <summary>Seconds the network stays down, <c>MIN-MAX</c>.</summary>
    public string? Offline { get; init; }

    /// <summary>Power losses per station-hour.</summary>
    public double? PowerLosses { get; init; }

    /// <summary>Seconds the power stays off, <c>MIN-MAX</c>.</summary>
    public string? PowerOff { get; init; }
}
