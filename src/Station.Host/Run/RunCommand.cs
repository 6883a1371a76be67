using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Station.Diagnostics;
using Station.Host.Control;
using Station.FileTransfer;
using Station.Hardware.Simulated;
using Station.Runtime;
using Station.Host.Dashboard;
using Station.Host.Run.FaultInjection;
using Station.Host.Run.WarmUp;

namespace Station.Host.Run;

/// <summary><c>run</c>: one station against a Central System, with the options of the station control contract.</summary>
internal static class RunCommand
{
    private static readonly Option<string?> CsmsUrl = new("--csms-url") { Description = "Central System endpoint, ws:// or wss://; the station id is appended as the last path segment" };
    private static readonly Option<string?> Id = new("--id") { Description = "Charge point identity (default: from the config file, else CP001)" };
    private static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Where the station persists everything (SQLite database, logs, firmware)",
        DefaultValueFactory = _ => "./station-data",
    };
    private static readonly Option<int> ControlPort = new("--control-port") { Description = "HTTP control API port on 127.0.0.1 (0 = off)", DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> StrictAnswers = new("--strict-answers")
    {
        Description = "Refuse Central System answers that deviate from the OCPP 1.6 schemas at all " +
            "(default: tolerate unknown properties, nulls of optional fields, times without offset)",
    };
    private static readonly Option<string> DurabilityOption = new("--durability")
    {
        Description = "power-loss-safe: every commit is on the disk before it returns (SQLite WAL, synchronous=FULL); " +
            "process-crash-safe: survives kill -9 of the process, not a power cut of the machine (synchronous=NORMAL, no fsync per commit)",
        DefaultValueFactory = _ => DurabilityNames.PowerLossSafe,
    };

    private static readonly Option<bool> NoWarmUp = new("--no-warm-up")
    {
        Description = "Connect at once, without first playing a charging session in-process to compile the transaction path " +
            "(the warm-up takes about half a second and keeps the first remote start after a boot as fast as the next)",
    };

    private static readonly Option<string?> Config = new("--config") { Description = "Station configuration file (model, connectors, OCPP key defaults); default: the built-in TSCT-2007CP" };

    public static Command Create()
    {
        var command = new Command("run", "Run a station against a Central System");
        command.Options.Add(CsmsUrl);
        command.Options.Add(Id);
        command.Options.Add(DataDir);
        command.Options.Add(ControlPort);
        command.Options.Add(Config);
        command.Options.Add(StrictAnswers);
        command.Options.Add(DurabilityOption);
        command.Options.Add(NoWarmUp);
        command.Options.Add(CommonOptions.LogLevel);
        command.SetAction((parse, cancellationToken) => RunAsync(Resolve(parse), parse.GetValue(CommonOptions.LogLevel), cancellationToken));
        return command;
    }

    private static RunSettings Resolve(ParseResult parse)
    {
        var loaded = StationConfigLoader.Load(parse.GetValue(Config));
        var url = parse.GetValue(CsmsUrl) ?? loaded.CsmsUrl
            ?? throw new UsageException("no Central System URL: pass --csms-url ws://host:port/path or set csmsUrl in the config file");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            throw new UsageException($"--csms-url '{url}' is not an absolute ws:// or wss:// URL");
        }

        var port = parse.GetValue(ControlPort);
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--control-port {port} is outside 0..65535");
        }

        var id = parse.GetValue(Id) ?? loaded.ChargePointId ?? "CP001";
        if (id.Length is 0 or > 48 || id.Any(char.IsControl))
        {
            throw new UsageException($"--id '{id}' must be 1 to 48 printable characters");
        }

        return new RunSettings
        {
            Model = loaded.Model,
            ChargePointId = id,
            CentralSystemUri = uri,
            DataDirectory = Path.GetFullPath(parse.GetValue(DataDir)!),
            ControlPort = port,
            EvPowerW = loaded.EvPowerW,
            Certificates = loaded.Certificates,
            StrictAnswers = parse.GetValue(StrictAnswers),
            Durability = DurabilityNames.Parse(parse.GetValue(DurabilityOption)!),
            WarmUp = !parse.GetValue(NoWarmUp),
        };
    }

    private static async Task<int> RunAsync(RunSettings settings, LogLevel logLevel, CancellationToken cancellationToken)
    {
        // A test hook for crash-consistency runs, off unless its environment variable is set.
        var killPoint = StoreKillPoint.FromEnvironment();
        var (stores, database) = StationFactory.OpenStorage(settings.DataDirectory, settings.Durability);
        using (database)
        {
            CheckSecurityProfile(settings, stores);
            if (killPoint is not null)
            {
                stores = stores with { Transactions = new KillingTransactionStore(stores.Transactions, killPoint) };
            }

            var hardware = StationFactory.CreateHardware(settings.Model, settings.EvPowerW, stores, TimeProvider.System);

            if (settings.ControlPort == 0)
            {
                var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
                Configure(builder.Services, builder.Logging, settings, stores, hardware, logLevel);
                using var host = builder.Build();
                LogStart(host.Services, settings, killPoint);
                EndOnPowerDown(host.Services);
                await WarmUpAsync(host.Services, settings, cancellationToken).ConfigureAwait(false);
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }

            // The dashboard sees the station's frames from its first one, so it is there before the station.
            await using var dashboard = new StationDashboard(TimeProvider.System);
            settings = settings with { FrameObserver = dashboard.Frames };
            var web = WebApplication.CreateSlimBuilder();
            web.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.ControlPort));
            Configure(web.Services, web.Logging, settings, stores, hardware, logLevel);
            await using var app = web.Build();
            MapControl(app, dashboard);
            LogStart(app.Services, settings, killPoint);
            EndOnPowerDown(app.Services);
            await WarmUpAsync(app.Services, settings, cancellationToken).ConfigureAwait(false);
            await WebHostStart.StartOrDisposeAsync(app, settings.ControlPort, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"control listening on http://127.0.0.1:{settings.ControlPort}").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"dashboard at http://127.0.0.1:{settings.ControlPort}/").ConfigureAwait(false);
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    // Before the station's hosted service starts, so that the warm-up never competes with the station's own first messages.
    private static async Task WarmUpAsync(IServiceProvider services, RunSettings settings, CancellationToken cancellationToken)
    {
        if (settings.WarmUp)
        {
            await StartupWarmUp.RunAsync(settings.DataDirectory, services.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Host"), cancellationToken).ConfigureAwait(false);
        }
    }

    // The control API and, on the same port, the dashboard: its page at /, its event stream and reads.
    private static void MapControl(WebApplication app, StationDashboard dashboard) =>
        StationDashboardHost.Map(
            app, dashboard, app.Services.GetRequiredService<StationRunner>(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Control"));

    private static void Configure(IServiceCollection services, ILoggingBuilder logging, RunSettings settings, StationStores stores, SimulatedStationHardware hardware, LogLevel logLevel)
    {
        CommonOptions.ConfigureLogging(logging, logLevel);
        services.AddSingleton(settings);
        services.AddSingleton(stores);
        services.AddSingleton(hardware);

        // One scheduler for the station: every deadline of it is an entry behind one real timer.
        services.AddSingleton<TimeProvider>(_ => new TimerMultiplexer(TimeProvider.System));

        // The message trace and event log that GetDiagnostics uploads, in DATA-DIR/logs, at Information whatever the console shows;
        // host time only until each station instance hands it its station clock (ChargePoint: StationTrace.UseClock).
        services.AddSingleton(_ => new StationTrace(Path.Combine(settings.DataDirectory, "logs"), TimeProvider.System));
        services.AddSingleton<ILoggerProvider>(provider => provider.GetRequiredService<StationTrace>());
        logging.AddFilter<StationTrace>(null, LogLevel.Information);
        logging.AddFilter<StationTrace>("Microsoft", LogLevel.Warning);
        services.AddSingleton<IFileTransfer>(_ => new FileTransferClient());
        services.AddSingleton<StationRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<StationRunner>());
    }

    // Contract: a profile that does not fit the URL stops run. The profile in force is the persisted one (a
    // ChangeConfiguration wins over --config), else the file's default.
    private static void CheckSecurityProfile(RunSettings settings, StationStores stores)
    {
        var key = Station.Security.Connection.SecurityKeys.SecurityProfile;
        var value = stores.Configuration.Load().GetValueOrDefault(key) ?? settings.Model.Configuration.GetValueOrDefault(key)?.Value ?? "0";
        if (value is "2" or "3" && settings.CentralSystemUri.Scheme == "ws")
        {
            throw new UsageException($"SecurityProfile {value} needs a wss:// Central System URL, and {settings.CentralSystemUri} is ws://");
        }
    }

    // A station that shut down on backup power has no power left: the process ends with it.
    private static void EndOnPowerDown(IServiceProvider services)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        services.GetRequiredService<StationRunner>().PoweredDown += lifetime.StopApplication;
    }

    private static void LogStart(IServiceProvider services, RunSettings settings, StoreKillPoint? killPoint)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Host");
        var endpoint = Ocpp16.Transport.OcppWebSocketClient.BuildEndpoint(settings.CentralSystemUri, settings.ChargePointId).ToString();
        var model = settings.Model;
        HostLog.Starting(logger, settings.ChargePointId, model.Vendor, model.Model, model.Connectors.Count, endpoint, settings.DataDirectory);
        if (killPoint is not null)
        {
            HostLog.KillPointArmed(logger, StoreKillPoint.EnvironmentVariable, killPoint.ToString());
        }
    }
}
