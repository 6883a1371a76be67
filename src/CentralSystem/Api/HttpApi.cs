using CentralSystem.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CentralSystem.Api;

/// <summary>
/// The HTTP side of the Central System, on the port of its WebSocket endpoint: the web UI at
/// <c>/</c>, the JSON API for scripts and the live event stream. Created before the server
/// listens, so it sees every station from its first frame.
/// </summary>
internal sealed class HttpApi
{
    private readonly CentralSystemServer _server;
    private readonly ILogger _logger;
    private readonly StationTracker _tracker = new();
    private readonly LiveEvents _events;

    public HttpApi(CentralSystemServer server, ILogger logger)
    {
        _server = server;
        _logger = logger;
        _events = new LiveEvents(server, _tracker);
        server.StationConnected += (_, session) => _events.OnStation(_tracker.OnConnected(session));
        server.StationDisconnected += (_, session) =>
        {
            if (_tracker.OnDisconnected(session) is { } state)
            {
                _events.OnStation(state);
            }
        };
        server.FrameRecorded += (sender, frame) => OnFrame((StationSession)sender!, frame);
        server.AnswersChanged += (_, answers) => _events.OnAnswers(answers);
    }

    /// <summary>
    /// Adds the UI and the API to the pipeline; every other request goes to
    /// <paramref name="fallback"/> (the WebSocket endpoint, which also refuses unknown paths).
    /// </summary>
    public void Use(WebApplication app, RequestDelegate fallback)
    {
        app.UseEmbeddedWebAssets(typeof(HttpApi).Assembly, "CentralSystem.wwwroot");

        // Routing after the files: a matched endpoint (the fallback matches anything) makes the file middleware step aside.
        app.UseRouting();
        Map(app);
        app.MapFallback("{**path}", fallback);
    }

    public void Listening(Uri baseUrl) => ApiLog.Listening(_logger, baseUrl);

    /// <summary>Ends the open event streams: they would otherwise hold the server's shutdown.</summary>
    public void Close() => _events.Close();

    private void Map(IEndpointRouteBuilder endpoints)
    {
        var stations = new StationEndpoints(_server, _tracker, _logger);
        var calls = new CallEndpoint(_server, _logger);
        var answers = new AnswerEndpoints(_server, _logger);
        var actions = new ActionEndpoints(_logger);
        endpoints.MapGet("/stations", new RequestDelegate(stations.ListAsync));
        endpoints.MapGet("/stations/{id}", new RequestDelegate(stations.GetAsync));
        endpoints.MapGet("/stations/{id}/messages", new RequestDelegate(stations.MessagesAsync));
        endpoints.MapGet("/stations/{id}/messages/next", new RequestDelegate(stations.NextAsync));
        endpoints.MapPost("/stations/{id}/calls/{action}", SameOrigin(calls.HandleAsync));
        endpoints.MapGet("/answers", new RequestDelegate(answers.GetAsync));
        endpoints.MapPut("/answers", SameOrigin(answers.PutAsync));
        endpoints.MapGet("/actions", new RequestDelegate(actions.ListAsync));
        endpoints.MapGet("/actions/{action}/schema", new RequestDelegate(actions.SchemaAsync));
        endpoints.MapGet("/events", new RequestDelegate(_events.ServeAsync));
    }

    // The API listens on loopback without credentials: a page from another origin that the
    // user happens to visit must not be able to reset their stations.
    private RequestDelegate SameOrigin(RequestDelegate handler) => context =>
        EmbeddedWebAssets.IsCrossOrigin(context.Request)
            ? ApiResponse.RefuseAsync(context, _logger, StatusCodes.Status403Forbidden, $"cross-origin request refused (Origin: {context.Request.Headers.Origin})")
            : handler(context);

    private void OnFrame(StationSession session, RecordedFrame frame)
    {
        var changed = _tracker.TryGet(session.ChargePointId, out var state) && state.Apply(frame);
        _events.OnFrame(session, frame);
        if (changed)
        {
            _events.OnStation(state!);
        }
    }
}
