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

    public static readonly Option<LogLevel> LogLevel = new("--log-level")
    {
        Description = "Least severe log level written to stderr: Trace, Debug, Information, Warning, Error, Critical, None",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    public static IEnumerable<Option> All =>
    [
        CsmsUrl, Stations, IdPrefix, FirstIndex, Config, Connectors, Set, Ramp, SourceAddress, Atg, TxDuration, TxPause, Seed, Duration,
        DataDir, ControlPort, Report, Durability, LogLevel,
    ];
}
