namespace Station.SmartCharging;

/// <summary>
/// The station at the moment of a smart charging question: its connectors 1..n in order, and the
/// figures of its grid connection that a ChargePointMaxProfile is converted with.
/// </summary>
public sealed record StationSituation
{
    /// <summary>Connector n at index n - 1.</summary>
    public required IReadOnlyList<ConnectorSituation> Connectors { get; init; }

    /// <summary>Voltage per phase of the grid connection; absent means connector 1's.</summary>
    public decimal? GridVoltage { get; init; }

    /// <summary>Phases of the grid connection; absent means the most any connector uses.</summary>
    public int? GridPhases { get; init; }

    /// <summary>The voltage a station-wide limit is converted with.</summary>
    public decimal EffectiveGridVoltage => GridVoltage ?? (Connectors.Count > 0 ? Connectors[0].Supply.Voltage : 230m);

    /// <summary>The phases a station-wide limit may use.</summary>
    public int EffectiveGridPhases => GridPhases ?? (Connectors.Count > 0 ? Connectors.Max(c => c.Supply.Phases) : 3);

    /// <summary>Connector <paramref name="connectorId"/> (1..n), or null when there is no such connector.</summary>
    public ConnectorSituation? Connector(int connectorId) =>
        connectorId >= 1 && connectorId <= Connectors.Count ? Connectors[connectorId - 1] : null;
}
