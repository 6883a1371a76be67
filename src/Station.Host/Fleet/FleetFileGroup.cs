using System.Text.Json;

namespace Station.Host.Fleet;

/// <summary>One group of a fleet file; each field is the one-group option of the same name (<c>count</c> is <c>--stations</c>).</summary>
internal sealed record FleetFileGroup
{
    /// <summary>The group's name in messages and the report; default <c>group N</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The station model (the file of <c>run --config</c>), relative to the fleet file; default the built-in TSCT-2007CP.</summary>
    public string? Config { get; init; }

    /// <summary>How many stations (required).</summary>
    public int? Count { get; init; }

    public string? IdPrefix { get; init; }

    public int? Connectors { get; init; }

    /// <summary>OCPP configuration key defaults: a string, a number or true/false each.</summary>
    public Dictionary<string, JsonElement>? Set { get; init; }

    public bool? Atg { get; init; }

    public string? TxDuration { get; init; }

    public string? TxPause { get; init; }

    public FleetFileChaos? Chaos { get; init; }
}
