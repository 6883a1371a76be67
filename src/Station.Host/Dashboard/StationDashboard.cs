using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using CentralSystem.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Station.Host.Control;

namespace Station.Host.Dashboard;

/// <summary>
/// The live side of one station's dashboard: its frames (<see cref="Frames"/>, the station's frame
/// observer), its state feed, and the endpoints the page uses besides the control API:
/// <c>GET /events</c> (Server-Sent Events), <c>GET /frames</c> and <c>GET /configuration</c>.
/// Built before the station runs, so that its first frames are seen; <see cref="Start"/> once
/// the control API can read the state.
/// </summary>
internal sealed class StationDashboard : IAsyncDisposable
{
    private readonly EventStream _stream = new();
    private readonly TimeProvider _timeProvider;
    private ILogger _logger = NullLogger.Instance;
    private Func<CancellationToken, Task<StateBody>>? _readState;
    private Func<CancellationToken, Task<IReadOnlyList<ConfigurationKeyBody>?>>? _readConfiguration;
    private StationLiveFeed? _feed;

    public StationDashboard(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Frames = new DashboardFrameLog(_stream, timeProvider);
    }

    /// <summary>A dashboard that logs its refusals (400) to <paramref name="logger"/> before <see cref="Start"/>, or without it.</summary>
    public StationDashboard(TimeProvider timeProvider, ILogger logger)
        : this(timeProvider) => _logger = logger;

    /// <summary>The station's frames; pass it as the station's frame observer.</summary>
    public DashboardFrameLog Frames { get; }

    /// <summary>Something happened (a control request): the state is read again and sent if it changed.</summary>
    public void Changed() => _feed?.Nudge();

    /// <summary>After every POST (a physical event of the control API), the state is read again at once.</summary>
    public void NudgeAfterWrites(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (HttpMethods.IsPost(context.Request.Method))
            {
                Changed();
            }
        });

    /// <summary>Starts the live feed with the readers of the state and of the configuration.</summary>
    public void Start(
        Func<CancellationToken, Task<StateBody>> readState, Func<CancellationToken, Task<IReadOnlyList<ConfigurationKeyBody>?>> readConfiguration, ILogger logger)
    {
        _logger = logger;
        _readState = readState;
        _readConfiguration = readConfiguration;
        _feed = new StationLiveFeed(_stream, readState, readConfiguration, _timeProvider, _logger);
        Frames.FrameSeen += _feed.Nudge;
    }

    /// <summary>Maps <c>GET /events</c>, <c>GET /frames</c>, <c>GET /configuration</c> on <paramref name="routes"/>.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/events", new RequestDelegate(ServeEventsAsync));
        routes.MapGet("/frames", FramesResult);
        routes.MapGet("/configuration", async (CancellationToken ct) => ConfigurationResult(await ReadConfigurationAsync(ct).ConfigureAwait(false)));
    }

    /// <summary>The answer of <c>GET /configuration</c>: the keys, or 503 while the station reboots (null).</summary>
    public static IResult ConfigurationResult(IReadOnlyList<ConfigurationKeyBody>? keys) => keys is not null
        ? Results.Json(new ConfigurationBody(keys), DashboardJsonContext.Relaxed.ConfigurationBody)
        : Results.Json(new ErrorBody("the station is rebooting; its configuration is back once it runs again"), ControlJsonContext.Relaxed.ErrorBody, statusCode: 503);

    /// <summary>Ends the open event streams, which would hold the host's shutdown; call when it begins.</summary>
    public void EndStreams() => _stream.Close();

    /// <summary>Ends the event streams and the feed.</summary>
    public async ValueTask DisposeAsync()
    {
        _stream.Close();
        if (_feed is not null)
        {
            await _feed.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary><c>GET /frames?limit=N&amp;action=A</c>: the latest N (1..500, default 100) frames, of one action if asked.</summary>
    public IResult FramesResult(HttpRequest request)
    {
        var limit = 100;
        if (request.Query["limit"] is { Count: > 0 } limitText
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > DashboardFrameLog.Capacity))
        {
            return Refuse($"limit '{limitText}' must be a whole number from 1 to {DashboardFrameLog.Capacity}");
        }

        IEnumerable<DashboardFrame> frames = Frames.Latest();
        if (request.Query["action"] is { Count: > 0 } actionText)
        {
            if (!OcppActions.TryGet(actionText.ToString(), out var action))
            {
                return Refuse($"action '{actionText}' is not an OCPP 1.6 action (e.g. StartTransaction)");
            }

            frames = frames.Where(f => f.Action == action.Name);
        }

        return Results.Json(new FramesBody([.. frames.TakeLast(limit)]), DashboardJsonContext.Relaxed.FramesBody);
    }

    /// <summary><c>GET /events</c>: the page's Server-Sent Events, until the page goes or the streams end.</summary>
    public async Task ServeEventsAsync(HttpContext context)
    {
        // Read before subscribing (reading is asynchronous, the stream's first events are not);
        // a change in between is sent again once subscribed (ResendNext).
        var state = _readState is null ? null : JsonSerializer.Serialize(await _readState(context.RequestAborted).ConfigureAwait(false), ControlJsonContext.Relaxed.StateBody);
        var keys = await ReadConfigurationAsync(context.RequestAborted).ConfigureAwait(false);
        await _stream.ServeAsync(context, () => Initial(state, keys), context.RequestAborted).ConfigureAwait(false);
    }

    private IEnumerable<SseItem<string>> Initial(string? state, IReadOnlyList<ConfigurationKeyBody>? keys)
    {
        _feed?.ResendNext();
        yield return new SseItem<string>(JsonSerializer.Serialize(new FramesBody(Frames.Latest()), DashboardJsonContext.Relaxed.FramesBody), "frames");
        if (state is not null)
        {
            yield return new SseItem<string>(state, "state");
        }

        if (keys is not null)
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(keys, DashboardJsonContext.Relaxed.IReadOnlyListConfigurationKeyBody), "configuration");
        }
    }

    private Task<IReadOnlyList<ConfigurationKeyBody>?> ReadConfigurationAsync(CancellationToken cancellationToken) =>
        _readConfiguration?.Invoke(cancellationToken) ?? Task.FromResult<IReadOnlyList<ConfigurationKeyBody>?>(null);

    private IResult Refuse(string error)
    {
        DashboardLog.Refused(_logger, error);
        return Results.Json(new ErrorBody(error), ControlJsonContext.Relaxed.ErrorBody, statusCode: StatusCodes.Status400BadRequest);
    }
}
