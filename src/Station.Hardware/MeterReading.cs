namespace Station.Hardware;

/// <summary>
/// One reading of a connector's energy meter. Per-phase arrays hold one value per phase the
/// connector uses (L1, then L2, L3); a DC meter reports one value.
/// </summary>
public sealed record MeterReading
{
    /// <summary>The energy import register in Wh. It never goes backwards.</summary>
    public required double EnergyActiveImportWh { get; init; }

    /// <summary>The active power drawn now, in W.</summary>
    public required double PowerActiveImportW { get; init; }

    /// <summary>The current per phase, in A.</summary>
    public required IReadOnlyList<double> CurrentImportA { get; init; }

    /// <summary>The voltage per phase (phase to neutral for AC), in V.</summary>
    public required IReadOnlyList<double> VoltageV { get; init; }

    /// <summary>
    /// The current per phase the connector offers the EV now (the pilot signal: a charging limit), in
    /// A; null when the hardware offers its rating.
    /// </summary>
    public double? CurrentOfferedA { get; init; }

    /// <summary>The power the connector offers the EV now, in W; null when the hardware offers its rating.</summary>
    public double? PowerOfferedW { get; init; }

    /// <summary>The grid frequency in Hz, if the meter measures it.</summary>
    public double? FrequencyHz { get; init; }

    /// <summary>The state of charge of the EV in percent, if known (DC).</summary>
    public double? StateOfChargePercent { get; init; }

    /// <summary>The temperature of the connector in °C, if measured.</summary>
    public double? TemperatureCelsius { get; init; }
}
