using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Station.Host.Control;
using Station.Host.Fleet;

namespace Station.Host.Dashboard;

/// <summary>
/// The live side of a fleet station's dashboard (<c>/stations/{id}/events</c>, <c>/frames</c>,
/// <c>/configuration</c>): the same <see cref="StationDashboard"/> as <c>run</c>'s, but made only
/// when a page opens that station's event stream and dropped when its last page goes. A fleet of
/// 30,000 stations that nobody watches holds no frame log at all, one null reference per station
/// (<see cref="StationFrameCounter.Watcher"/>); a watched one holds up to
/// <see cref="DashboardFrameLog.Capacity"/> frames, seen from the moment the first page opened.
/// </summary>
internal sealed class FleetStationDashboards(Func<string, FleetStation?> find, TimeProvider timeProvider, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Watched> _watched = new(StringComparer.Ordinal);

    // Answers /frames of a station no page watches: the same checks of the query, and no frames.
    private readonly StationDashboard _unwatched = new(timeProvider, logger);
    private bool _ending;

    /// <summary>How many stations have a page open now (their logs exist).</summary>
    public int WatchedCount
    {
        get
        {
            lock (_gate)
            {
                return _watched.Count;
            }
        }
    }

    /// <summary>After every POST to <c>/stations/{id}/…</c> the state of that station, when watched, is read again at once.</summary>
    public void NudgeAfterWrites(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.RouteValues["stationId"] is string id)
            {
                Watched? watched;
                lock (_gate)
                {
                    watched = _watched.GetValueOrDefault(id);
                }

                watched?.Dashboard.Changed();
            }
        });

    /// <summary>Maps the three endpoints under <c>/stations/{stationId}/</c>; 404 with the reason for an id not in this fleet.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/stations/{stationId}/events", ServeEventsAsync);
        routes.MapGet("/stations/{stationId}/frames", (HttpRequest request, string stationId) => find(stationId) is { } station
            ? Current(station).FramesResult(request)
            : Unknown(stationId));
        routes.MapGet("/stations/{stationId}/configuration", async (string stationId, CancellationToken ct) => find(stationId) is { } station
            ? StationDashboard.ConfigurationResult(await StationConfigurationReader.ReadAsync(station.Runner, ct).ConfigureAwait(false))
            : Unknown(stationId));
    }

    /// <summary>Ends the open event streams, which would hold the host's shutdown; call when it begins.</summary>
    public void EndStreams()
    {
        List<Watched> open;
        lock (_gate)
        {
            _ending = true;
            open = [.. _watched.Values];
        }

        foreach (var watched in open)
        {
            watched.Dashboard.EndStreams();
        }
    }

    /// <summary>Ends every stream and feed (the host stopped).</summary>
    public async ValueTask DisposeAsync()
    {
        EndStreams();
        List<Watched> open;
        lock (_gate)
        {
            open = [.. _watched.Values];
            _watched.Clear();
        }

        foreach (var watched in open)
        {
            await watched.Dashboard.DisposeAsync().ConfigureAwait(false);
        }

        await _unwatched.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServeEventsAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["stationId"]!;
        if (find(id) is not { } station)
        {
            await Unknown(id).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (Open(station) is not { } watched)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            await watched.Dashboard.ServeEventsAsync(context).ConfigureAwait(false);
        }
        finally
        {
            await CloseAsync(station, watched).ConfigureAwait(false);
        }
    }

    // The station's log while a page watches it, else the empty one.
    private StationDashboard Current(FleetStation station)
    {
        lock (_gate)
        {
            return _watched.TryGetValue(station.Id, out var watched) ? watched.Dashboard : _unwatched;
        }
    }

    // A page opens: the station's log and feed, made on the first one. Null once the host stops.
    private Watched? Open(FleetStation station)
    {
        lock (_gate)
        {
            if (_ending)
            {
                return null;
            }

            if (_watched.TryGetValue(station.Id, out var watched))
            {
                watched.Pages++;
                return watched;
            }

            var dashboard = new StationDashboard(timeProvider, logger);
            dashboard.Start(
                ct => StationStateReader.ReadAsync(station.Runner, ct), ct => StationConfigurationReader.ReadAsync(station.Runner, ct), logger);
            watched = new Watched(dashboard) { Pages = 1 };
            _watched.Add(station.Id, watched);
            Tap(station).Watcher = dashboard.Frames;
            DashboardLog.Watched(logger, station.Id, _watched.Count);
            return watched;
        }
    }

    // A page goes: the last one takes the log and the feed with it.
    private async Task CloseAsync(FleetStation station, Watched watched)
    {
        int left;
        lock (_gate)
        {
            if (--watched.Pages > 0)
            {
                return;
            }

            // Gone already when the host stopped meanwhile: DisposeAsync disposed it.
            if (!_watched.Remove(station.Id))
            {
                return;
            }

            left = _watched.Count;
            var tap = Tap(station);
            if (tap.Watcher == watched.Dashboard.Frames)
            {
                tap.Watcher = null;
            }
        }

        await watched.Dashboard.DisposeAsync().ConfigureAwait(false);
        DashboardLog.Unwatched(logger, station.Id, left);
    }

    // Every fleet station's frame observer is its counter (FleetRunner), which passes frames on to a watcher.
    private static StationFrameCounter Tap(FleetStation station) =>
        station.Settings.FrameObserver as StationFrameCounter
        ?? throw new InvalidOperationException($"station '{station.Id}' has no frame counter to watch");

    private static IResult Unknown(string id) =>
        Results.Json(new ErrorBody($"no station '{id}' in this fleet"), ControlJsonContext.Relaxed.ErrorBody, statusCode: StatusCodes.Status404NotFound);

    private sealed class Watched(StationDashboard dashboard)
    {
        public StationDashboard Dashboard { get; } = dashboard;

        public int Pages { get; set; }
    }
}
