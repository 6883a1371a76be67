using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Station.Host.Fleet;

/// <summary>The options of <c>fleet</c>, as the station control contract names them.</summary>
internal static class FleetOptions
{
    public static readonly Option<string[]> CsmsUrl = new("--csms-url")
    {
        Description = "Central System endpoint (repeatable; stations are spread round-robin over the URLs)",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<int?> Stations = new("--stations") { Description = "How many stations" };
    public static readonly Option<string> IdPrefix = new("--id-prefix") { Description = "Station ids are the prefix and a 5-digit index", DefaultValueFactory = _ => "SIM-" };
    public static readonly Option<int> FirstIndex = new("--first-index") { Description = "Index of the first station, for disjoint id ranges of several fleets", DefaultValueFactory = _ => 1 };
    public static readonly Option<string?> Config = new("--config") { Description = "The station model of every station (the file of run --config); default: the built-in TSCT-2007CP" };
    public static readonly Option<int?> Connectors = new("--connectors") { Description = "Connectors per station, overriding the model" };
    public static readonly Option<string[]> Set = new("--set") { Description = "An OCPP configuration key default for every station, KEY=VALUE (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    public static readonly Option<double> Ramp = new("--ramp") { Description = "New connections per second while starting", DefaultValueFactory = _ => 500 };
    public static readonly Option<string[]> SourceAddress = new("--source-address")
    {
        Description = "Local addresses to connect from, round-robin (repeatable, or a range 127.0.0.2-127.0.0.9)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> Atg = new("--atg") { Description = "Automatic transactions on every connector: plug, card, charge, card, unplug, pause, repeat" };
    public static readonly Option<string> TxDuration = new("--tx-duration") { Description = "Seconds a transaction lasts, MIN-MAX", DefaultValueFactory = _ => "30-60" };
    public static readonly Option<string> TxPause = new("--tx-pause") { Description = "Seconds between two transactions on a connector, MIN-MAX", DefaultValueFactory = _ => "5-15" };
    public static readonly Option<int?> Seed = new("--seed") { Description = "Seed of every random choice (default: random, printed)" };
    public static readonly Option<double> Duration = new("--duration") { Description = "Stop after this many seconds (0 = until SIGINT/SIGTERM)", DefaultValueFactory = _ => 0 };
    public static readonly Option<string> DataDir = new("--data-dir") { Description = "What the fleet persists; survives restarts and kill -9", DefaultValueFactory = _ => "./fleet-data" };
    public static readonly Option<int> ControlPort = new("--control-port") { Description = "Fleet control API on 127.0.0.1 (0 = off)", DefaultValueFactory = _ => 0 };
    public static readonly Option<string?> Report = new("--report") { Description = "A JSON report written at the end (and an HTML one next to it)" };
    public static readonly Option<string> Durability = new("--durability")
    {
        Description = "process-crash-safe (default: survives kill -9 of the fleet) or power-loss-safe (every commit on the disk)",
        DefaultValueFactory = _ => Run.DurabilityNames.ProcessCrashSafe,
    };

    public static readonly Option<string?> FleetFile = new("--fleet-file")
    {
        Description = "A JSON file of groups, each with its own model, count, id prefix, connectors, set defaults, ATG timings and chaos (instead of the one-group options)",
    };

    public static readonly Option<int> Shard = new("--shard")
    {
        Description = "Shard K (from 0) of equal fleets: the first index is --first-index + K x the stations of this fleet (a Kubernetes Indexed Job's completion index)",
        DefaultValueFactory = _ => 0,
    };

    public static readonly Option<double> ChaosDisconnects = new("--chaos-disconnects") { Description = "Random network drops per station-hour (0 = off)", DefaultValueFactory = _ => 0 };
    public static readonly Option<string> ChaosOffline = new("--chaos-offline") { Description = "Seconds the network stays down at a drop, MIN-MAX", DefaultValueFactory = _ => "5-60" };
    public static readonly Option<double> ChaosPowerLosses = new("--chaos-power-losses")
    {
        Description = "Random power losses per station-hour (0 = off): the station dropped as by kill -9 and recovered from its persisted state",
        DefaultValueFactory = _ => 0,
    };

    public static readonly Option<string> ChaosPowerOff = new("--chaos-power-off") { Description = "Seconds the power stays off at a loss, MIN-MAX", DefaultValueFactory = _ => "5-30" };

    public static readonly Option<LogLevel> LogLevel = new("--log-level")
    {
        Description = "Least severe log level written to stderr: Trace, Debug, Information, Warning, Error, Critical, None",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    public static IEnumerable<Option> All =>
    [
        CsmsUrl, Stations, IdPrefix, FirstIndex, Config, Connectors, Set, Ramp, SourceAddress, Atg, TxDuration, TxPause, Seed, Duration,
        DataDir, ControlPort, Report, Durability, LogLevel, FleetFile, Shard, ChaosDisconnects, ChaosOffline, ChaosPowerLosses, ChaosPowerOff,
    ];

    /// <summary>The options of one group, the shorthand of a fleet file's group, with the field each is in the file.</summary>
    public static IEnumerable<(Option Option, string Field)> OneGroup =>
    [
        (Stations, "count"), (IdPrefix, "idPrefix"), (Config, "config"), (Connectors, "connectors"), (Set, "set"), (Atg, "atg"),
        (TxDuration, "txDuration"), (TxPause, "txPause"), (ChaosDisconnects, "chaos.disconnects"), (ChaosOffline, "chaos.offline"),
        (ChaosPowerLosses, "chaos.powerLosses"), (ChaosPowerOff, "chaos.powerOff"),
    ];
}
