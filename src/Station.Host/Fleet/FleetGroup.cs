using Station.Model;

namespace Station.Host.Fleet;

/// <summary>
/// One group of a fleet: stations of one model, with their id prefix, automatic transactions and
/// chaos. A fleet file has several; the command line's options are the one-group shorthand.
/// </summary>
internal sealed record FleetGroup
{
    public static readonly SecondsRange DefaultTxDuration = new(30, 60);
    public static readonly SecondsRange DefaultTxPause = new(5, 15);

    /// <summary>The group's name in messages and the report (a fleet file's <c>name</c>).</summary>
    public string Name { get; init; } = "stations";

    /// <summary>The model with the group's connectors and <c>set</c> defaults applied.</summary>
    public required StationModel Model { get; init; }

    public double EvPowerW { get; init; } = Run.StationConfigLoader.DefaultEvPowerW;

    /// <summary>How many stations.</summary>
    public required int Count { get; init; }

    public string IdPrefix { get; init; } = "SIM-";

    public bool Atg { get; init; }

    public SecondsRange TxDuration { get; init; } = DefaultTxDuration;

    public SecondsRange TxPause { get; init; } = DefaultTxPause;

    public ChaosSettings Chaos { get; init; } = ChaosSettings.None;
}
