using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Station.Host.Control;
using Station.Host.Dashboard;

namespace Station.Host.Fleet;

/// <summary>
/// The web host of the fleet control API on 127.0.0.1, with <c>GET /metrics</c> in Prometheus
/// format (OpenTelemetry), and the fleet view of the dashboard at <c>/</c> with its live counters
/// (<c>GET /fleet/events</c>), and each station's live feed (<c>GET /stations/{id}/events</c>) while a page watches it.
/// </summary>
internal static class FleetControlHost
{
    public static async Task<WebApplication> StartAsync(FleetSettings settings, FleetRunner fleet, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.ControlPort));
        CommonOptions.ConfigureLogging(web.Logging, logLevel, toStandardError: true);
        web.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(FleetCounters.MeterName).AddPrometheusExporter());
        var app = web.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Control");
        CrossOriginGuard.Use(app, logger);
        var stationPages = new FleetStationDashboards(fleet.Find, TimeProvider.System, logger);
        stationPages.NudgeAfterWrites(app);
        stationPages.Map(app);
        FleetControlApi.Map(app, fleet, settings.Seed, logger);
        app.MapPrometheusScrapingEndpoint();
        var feed = new FleetLiveFeed(() => JsonSerializer.Serialize(FleetControlApi.Body(fleet, settings.Seed), FleetJsonContext.Relaxed.FleetBody), TimeProvider.System);
        feed.Map(app);
        DashboardPages.MapFleet(app);
        app.Lifetime.ApplicationStopping.Register(feed.EndStreams);
        app.Lifetime.ApplicationStopping.Register(stationPages.EndStreams);
        app.Lifetime.ApplicationStopped.Register(() => _ = feed.DisposeAsync().AsTask());
        app.Lifetime.ApplicationStopped.Register(() => _ = stationPages.DisposeAsync().AsTask());
        return await WebHostStart.StartOrDisposeAsync(app, settings.ControlPort, cancellationToken).ConfigureAwait(false);
    }
}
