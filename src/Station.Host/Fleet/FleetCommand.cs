using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Station.FileTransfer;
using Station.Host.Run;
using Station.Runtime;

namespace Station.Host.Fleet;

/// <summary><c>fleet</c>: many stations in one process, as the station control contract specifies.</summary>
internal static class FleetCommand
{
    public static Command Create()
    {
        var command = new Command("fleet", "Run many simulated stations in one process against one or more Central Systems");
        foreach (var option in FleetOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, _) => RunAsync(Resolve(parse), parse.GetValue(FleetOptions.LogLevel)));
        return command;
    }

    public static FleetSettings Resolve(ParseResult parse)
    {
        var urls = parse.GetValue(FleetOptions.CsmsUrl) ?? [];
        if (urls.Length == 0)
        {
            throw new UsageException("no Central System URL: pass --csms-url ws://host:port/path (repeatable)");
        }

        var uris = urls.Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : throw new UsageException($"--csms-url '{url}' is not an absolute ws:// or wss:// URL")).ToList();

        var fleetFile = parse.GetValue(FleetOptions.FleetFile);
        var groups = fleetFile is null ? [OneGroup(parse)] : FromFile(parse, fleetFile);
        var stations = groups.Sum(g => (long)g.Count);
        var firstIndex = FirstIndex(parse, stations);
        foreach (var group in groups)
        {
            var label = fleetFile is null ? "--id-prefix" : $"--fleet-file '{fleetFile}': group \"{group.Name}\": idPrefix";
            CheckIds(label, group.IdPrefix, firstIndex + stations - 1);
        }

        var ramp = parse.GetValue(FleetOptions.Ramp);
        if (!(ramp > 0) || double.IsInfinity(ramp))
        {
            throw new UsageException($"--ramp {ramp.ToString(CultureInfo.InvariantCulture)} must be a positive number of connections per second");
        }

        var duration = parse.GetValue(FleetOptions.Duration);
        if (duration < 0 || double.IsNaN(duration) || duration > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new UsageException($"--duration {duration.ToString(CultureInfo.InvariantCulture)} must be 0 (until stopped) or a positive number of seconds");
        }

        var port = parse.GetValue(FleetOptions.ControlPort);
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--control-port {port} is outside 0..65535");
        }

        return new FleetSettings
        {
            Groups = groups,
            CentralSystemUris = uris,
            SourceAddresses = SourceAddresses.Parse(parse.GetValue(FleetOptions.SourceAddress) ?? []),
            FirstIndex = firstIndex,
            Ramp = ramp,
            Seed = parse.GetValue(FleetOptions.Seed) ?? Random.Shared.Next(),
            Duration = TimeSpan.FromSeconds(duration),
            DataDirectory = Path.GetFullPath(parse.GetValue(FleetOptions.DataDir)!),
            ControlPort = port,
            ReportPath = parse.GetValue(FleetOptions.Report) is { } report ? Path.GetFullPath(report) : null,
            Durability = DurabilityNames.Parse(parse.GetValue(FleetOptions.Durability)!),
        };
    }

    // The command line's one group: --stations, --config, --connectors, --set, --atg and its timings, --chaos-*.
    private static FleetGroup OneGroup(ParseResult parse)
    {
        var stations = parse.GetValue(FleetOptions.Stations) ?? throw new UsageException("--stations N (or --fleet-file FILE) is required");
        if (stations < 1)
        {
            throw new UsageException($"--stations {stations}: need at least one station");
        }

        var loaded = LoadConfig(parse.GetValue(FleetOptions.Config));
        return new FleetGroup
        {
            Model = FleetModel.Apply(loaded.Model, parse.GetValue(FleetOptions.Connectors), parse.GetValue(FleetOptions.Set) ?? []),
            EvPowerW = loaded.EvPowerW,
            Count = stations,
            IdPrefix = parse.GetValue(FleetOptions.IdPrefix)!,
            Atg = parse.GetValue(FleetOptions.Atg),
            TxDuration = SecondsRange.Parse(parse.GetValue(FleetOptions.TxDuration)!, "--tx-duration"),
            TxPause = SecondsRange.Parse(parse.GetValue(FleetOptions.TxPause)!, "--tx-pause"),
            Chaos = new ChaosSettings
            {
                DisconnectsPerHour = ChaosSettings.Rate(parse.GetValue(FleetOptions.ChaosDisconnects), "--chaos-disconnects"),
                Offline = SecondsRange.Parse(parse.GetValue(FleetOptions.ChaosOffline)!, "--chaos-offline"),
                PowerLossesPerHour = ChaosSettings.Rate(parse.GetValue(FleetOptions.ChaosPowerLosses), "--chaos-power-losses"),
                PowerOff = SecondsRange.Parse(parse.GetValue(FleetOptions.ChaosPowerOff)!, "--chaos-power-off"),
            },
        };
    }

    private static IReadOnlyList<FleetGroup> FromFile(ParseResult parse, string path)
    {
        // One way to say each thing: with a file, a group's settings are in the file.
        foreach (var (option, field) in FleetOptions.OneGroup)
        {
            if (parse.GetResult(option) is { Implicit: false })
            {
                throw new UsageException($"{option.Name} is a setting of one group: with --fleet-file, set \"{field}\" in the file's groups");
            }
        }

        return FleetFileLoader.Load(path);
    }

    // --first-index K, shifted by --shard S times the stations of this fleet, so that shards of equal fleets follow each other.
    private static int FirstIndex(ParseResult parse, long stations)
    {
        var firstIndex = parse.GetValue(FleetOptions.FirstIndex);
        var shard = parse.GetValue(FleetOptions.Shard);
        if (firstIndex < 0 || shard < 0)
        {
            throw new UsageException($"--first-index {firstIndex} --shard {shard}: indexes and shards count from 0 up");
        }

        var first = firstIndex + (shard * stations);
        if (first + stations - 1 > int.MaxValue)
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture, $"--first-index {firstIndex} --shard {shard} with {stations} stations: the last index would pass {int.MaxValue}"));
        }

        return (int)first;
    }

    private static void CheckIds(string label, string prefix, long lastIndex)
    {
        var longest = prefix.Length + Math.Max(5, lastIndex.ToString(CultureInfo.InvariantCulture).Length);
        if (longest > 48 || prefix.Any(c => char.IsControl(c) || c is '/' or ' '))
        {
            throw new UsageException($"{label} '{prefix}': ids must be at most 48 printable characters without '/' or spaces (the longest here has {longest})");
        }
    }

    // One line per group when there are several or any has chaos: what each group is, so that a run's output says what ran.
    internal static IEnumerable<string> GroupLines(FleetSettings settings)
    {
        if (settings.Groups.Count == 1 && !settings.Groups[0].Chaos.IsOn)
        {
            yield break;
        }

        var position = 0;
        foreach (var g in settings.Groups)
        {
            var atg = g.Atg ? string.Create(CultureInfo.InvariantCulture, $"atg {g.TxDuration} s / pause {g.TxPause} s") : "no atg";
            var chaos = g.Chaos.IsOn ? g.Chaos.ToString() : "no chaos";
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"fleet: group \"{g.Name}\": {g.Count} x {g.Model.Vendor} {g.Model.Model} ({g.Model.Connectors.Count} connector(s)) " +
                $"{settings.StationId(position)}..{settings.StationId(position + g.Count - 1)}, {atg}, {chaos}");
            position += g.Count;
        }
    }

    private static LoadedStationConfig LoadConfig(string? path)
    {
        try
        {
            return StationConfigLoader.Load(path);
        }
        catch (Configuration.ModelException ex)
        {
            throw new UsageException($"--config: {ex.Message}");
        }
    }

    private static async Task<int> RunAsync(FleetSettings settings, LogLevel logLevel)
    {
        FileLimit.Check(settings.Stations, FileLimit.Current());
        using var signal = new ShutdownSignal();
        using var loggerFactory = LoggerFactory.Create(logging => CommonOptions.ConfigureLogging(logging, logLevel, toStandardError: true));
        using var clock = new TimerMultiplexer(TimeProvider.System);
        using var fileTransfer = new FileTransferClient();
        using var storage = FleetStorage.Open(settings.DataDirectory, settings.Durability);

        var output = Console.Out;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"fleet: {settings.Stations} stations {settings.StationId(0)}..{settings.StationId(settings.Stations - 1)}, seed {settings.Seed}, data in {settings.DataDirectory}")).ConfigureAwait(false);
        foreach (var line in GroupLines(settings))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        using var fleet = new FleetRunner(settings, storage, fileTransfer, clock, loggerFactory);
        FleetGauges.Register(fleet.Counters.Meter, fleet, storage);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signal.Token);
        if (settings.Duration > TimeSpan.Zero)
        {
            stop.CancelAfter(settings.Duration);
        }

        await using var control = settings.ControlPort == 0 ? null : await FleetControlHost.StartAsync(settings, fleet, logLevel, stop.Token).ConfigureAwait(false);
        if (control is not null)
        {
            await output.WriteLineAsync($"control listening on http://127.0.0.1:{settings.ControlPort}").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var sampler = new FleetSampler(fleet, TimeProvider.System);
        var sampling = settings.ReportPath is null ? Task.CompletedTask : sampler.RunAsync(stop.Token);
        var progress = FleetProgress.RunAsync(fleet, output, terminal: !Console.IsOutputRedirected, TimeProvider.System, stop.Token);
        await fleet.StartAsync(stop.Token).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await progress.ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        await fleet.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (settings.ReportPath is { } report)
        {
            await FleetReport.WriteAsync(report, settings, fleet, sampler.Samples).ConfigureAwait(false);
            await output.WriteLineAsync($"fleet: report in {report} and {Path.ChangeExtension(report, ".html")}").ConfigureAwait(false);
        }
        await output.WriteLineAsync(FleetProgress.Line(fleet.Counts(), 0).Replace("fleet: ", "fleet: stopped; ", StringComparison.Ordinal)).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
