using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Station.Host.Control;
using Station.Host.Run;

namespace Station.Host.Dashboard;

/// <summary>
/// One station's control API and dashboard on one web host, as <c>run --control-port</c> and
/// <c>demo --control-port</c> serve them: the cross-origin guard, the control API, the dashboard's
/// page at <c>/</c> with its files, and its event stream and reads.
/// </summary>
internal static class StationDashboardHost
{
    /// <summary>Maps the control API of <paramref name="runner"/> and its dashboard on <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, StationDashboard dashboard, StationRunner runner, ILogger logger)
    {
        CrossOriginGuard.Use(app, logger);
        dashboard.NudgeAfterWrites(app);
        ControlApi.Map(app, runner, logger);
        dashboard.Start(
            cancellationToken => StationStateReader.ReadAsync(runner, cancellationToken), cancellationToken => StationConfigurationReader.ReadAsync(runner, cancellationToken), logger);
        dashboard.Map(app);
        DashboardPages.MapStation(app);
        app.Lifetime.ApplicationStopping.Register(dashboard.EndStreams);
    }

    /// <summary>
    /// Starts a web host of only these on 127.0.0.1:<paramref name="port"/>, for a station that runs outside it
    /// (the demo's); the caller stops and disposes it.
    /// </summary>
    public static async Task<WebApplication> StartAsync(
        int port, StationDashboard dashboard, StationRunner runner, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // The host's own logs (Kestrel) are not the demo's output; the dashboard logs through the caller's factory.
        web.Logging.ClearProviders();
        var app = web.Build();
        Map(app, dashboard, runner, loggerFactory.CreateLogger("Station.Control"));
        return await WebHostStart.StartOrDisposeAsync(app, port, cancellationToken).ConfigureAwait(false);
    }
}
