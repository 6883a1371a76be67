using Station.Model;

namespace Station.Host.Run;

/// <summary>One connector in the configuration file; absent fields take the built-in connector's values.</summary>
public sealed record ConnectorConfig
{
    /// <summary>The connector type, e.g. cType2.</summary>
    public string? Type { get; init; }

    /// <summary>AC or DC.</summary>
    public CurrentType? Current { get; init; }

    /// <summary>Phases used.</summary>
    public int? Phases { get; init; }

    /// <summary>Nominal voltage per phase.</summary>
    public double? VoltageV { get; init; }

    /// <summary>Rated current per phase.</summary>
    public double? MaxCurrentA { get; init; }

    /// <summary>Whether the cable is fixed.</summary>
    public bool? FixedCable { get; init; }

    /// <summary>The connector model this describes.</summary>
    public ConnectorModel ToModel()
    {
        var defaults = new ConnectorModel();
        return new ConnectorModel
        {
            Type = Type ?? defaults.Type,
            Current = Current ?? defaults.Current,
            Phases = Phases ?? defaults.Phases,
            VoltageV = VoltageV ?? defaults.VoltageV,
            MaxCurrentA = MaxCurrentA ?? defaults.MaxCurrentA,
            FixedCable = FixedCable ?? defaults.FixedCable,
        };
    }
}
