namespace Station.Model;

/// <summary>The physical description of one connector.</summary>
public sealed record ConnectorModel
{
    /// <summary>The connector type as the certificate names it, e.g. <c>cType1</c>, <c>cType2</c>, <c>cCCS2</c>.</summary>
    public string Type { get; init; } = "cType1";

    /// <summary>AC or DC.</summary>
    public CurrentType Current { get; init; } = CurrentType.AC;

    /// <summary>Phases used: 1 or 3 for AC (2 is allowed), 1 for DC.</summary>
    public int Phases { get; init; } = 1;

    /// <summary>Nominal voltage per phase (phase to neutral) for AC, output voltage for DC.</summary>
    public double VoltageV { get; init; } = 230;

    /// <summary>Rated current per phase in A.</summary>
    public double MaxCurrentA { get; init; } = 32;

    /// <summary>Whether the cable is fixed to the station (true) or plugged into a socket with a lock.</summary>
    public bool FixedCable { get; init; } = true;

    /// <summary>The rated power in W.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double MaxPowerW => VoltageV * MaxCurrentA * Phases;
}
