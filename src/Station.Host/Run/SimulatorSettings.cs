namespace Station.Host.Run;

/// <summary>Settings of the simulated hardware.</summary>
public sealed record SimulatorSettings
{
    /// <summary>The power the simulated EV draws while charging, in W; capped by the connector's rating.</summary>
    public double? EvPowerW { get; init; }
}
