namespace Station.Hardware.Simulated;

/// <summary>The electrical rating of a simulated connector and the EV plugged into it.</summary>
public sealed record SimulatedConnectorSpec
{
    /// <summary>Number of phases used (1 or 3 for AC; 1 stands for DC).</summary>
    public int Phases { get; init; } = 1;

    /// <summary>Nominal voltage per phase (phase to neutral), or the DC voltage.</summary>
    public double VoltageV { get; init; } = 230;

    /// <summary>Whether the cable is fixed to the station (no lock to release).</summary>
    public bool FixedCable { get; init; } = true;

    /// <summary>The power the simulated EV draws while charging, in W (7.4 kW by default).</summary>
    public double EvPowerW { get; init; } = 7400;

    /// <summary>The energy register at start-up, in Wh (a real meter keeps its own across power loss).</summary>
    public double InitialEnergyWh { get; init; }
}
