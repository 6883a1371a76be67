using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Station.Host.Fleet;

/// <summary>The web host of the fleet control API on 127.0.0.1, with <c>GET /metrics</c> in Prometheus format (OpenTelemetry).</summary>
internal static class FleetControlHost
{
    public static async Task<WebApplication> StartAsync(FleetSettings settings, FleetRunner fleet, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.ControlPort));
        CommonOptions.ConfigureLogging(web.Logging, logLevel, toStandardError: true);
        web.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(FleetCounters.MeterName).AddPrometheusExporter());
        var app = web.Build();
        FleetControlApi.Map(app, fleet, settings.Seed, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Control"));
        app.MapPrometheusScrapingEndpoint();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }
}
