using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace CentralSystem.Api;

/// <summary>
/// <c>GET /stations</c>, <c>GET /stations/{id}</c>, the message log <c>GET /stations/{id}/messages</c>
/// and the wait <c>GET /stations/{id}/messages/next</c>.
/// </summary>
internal sealed class StationEndpoints(CentralSystemServer server, StationTracker tracker, ILogger logger)
{
    /// <summary>The response header naming a frame's position in its session, to pass as <c>after</c> to the next wait.</summary>
    public const string SequenceHeader = "Ocpp-Sequence";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);
    private const int DefaultLogLimit = 100;

    public Task ListAsync(HttpContext context) =>
        ApiResponse.JsonAsync<IReadOnlyList<StationBody>>(
            context, StatusCodes.Status200OK, [.. tracker.Connected.Select(state => state.ToBody())], ApiJsonContext.Relaxed.IReadOnlyListStationBody);

    public Task GetAsync(HttpContext context)
    {
        var id = ChargePointId(context);
        return tracker.TryGet(id, out var state) && state.IsConnected
            ? ApiResponse.JsonAsync(context, StatusCodes.Status200OK, state.ToBody(), ApiJsonContext.Relaxed.StationBody)
            : NotConnectedAsync(context, id);
    }

    /// <summary>The latest frames of the station's session, oldest first: <c>?limit=N</c> (100), <c>?action=A</c>, <c>?after=SEQUENCE</c>.</summary>
    public Task MessagesAsync(HttpContext context)
    {
        var id = ChargePointId(context);
        var request = context.Request;
        if (!QueryValues.TryGetInteger(request, "limit", 1, int.MaxValue, out var limit, out var problem)
            || !QueryValues.TryGetInteger(request, "after", 0, long.MaxValue, out var after, out problem))
        {
            return ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, problem!);
        }

        if (!server.TryGetSession(id, out var session) || !session.IsConnected)
        {
            return NotConnectedAsync(context, id);
        }

        var action = request.Query["action"].ToString();
        var frames = session.Frames
            .Where(frame => frame.Sequence > (after ?? 0) && (action.Length == 0 || string.Equals(frame.Action, action, StringComparison.Ordinal)))
            .TakeLast((int)(limit ?? DefaultLogLimit))
            .ToList();
        var number = tracker.SessionNumber(session);
        return ApiResponse.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach (var frame in frames)
            {
                LiveEvents.WriteFrame(writer, number, frame);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>
    /// The payload of the next CALL from the station (<c>?action=A</c>: of that action), recorded
    /// after <c>?after=SEQUENCE</c> or, without it, after this request arrived. A station that is
    /// not connected yet, or reconnects meanwhile, is waited for: its new session is searched from
    /// its start. 504 after <c>?timeout=SECONDS</c> (30).
    /// </summary>
    public async Task NextAsync(HttpContext context)
    {
        var id = ChargePointId(context);
        var request = context.Request;
        var action = request.Query["action"].ToString();
        if (action.Length > 0 && !IsChargePointAction(action))
        {
            var known = string.Join(", ", OcppActions.All.Where(a => a.Direction != MessageDirection.CentralSystemToChargePoint).Select(a => a.Name).Order(StringComparer.Ordinal));
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, $"action '{action}' is not a message a charge point sends ({known})").ConfigureAwait(false);
            return;
        }

        if (!QueryValues.TryGetSeconds(request, "timeout", DefaultWait, MaxWait, out var timeout, out var problem)
            || !QueryValues.TryGetInteger(request, "after", 0, long.MaxValue, out var after, out problem))
        {
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status400BadRequest, problem!).ConfigureAwait(false);
            return;
        }

        using var deadline = new CancellationTokenSource(timeout, server.TimeProvider);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        try
        {
            // The wait is in place (in the record or the registry) once WaitForCallAsync returns its task.
            var next = WaitForCallAsync(id, action, after, waiting.Token);
            ApiLog.Waiting(logger, timeout.TotalSeconds, action.Length > 0 ? action : "any CALL", id, after);
            var frame = await next.ConfigureAwait(false);
            context.Response.Headers[SequenceHeader] = frame.Sequence.ToString(CultureInfo.InvariantCulture);
            await ApiResponse.JsonAsync(context, StatusCodes.Status200OK, writer => WritePayload(writer, frame)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var what = action.Length > 0 ? action : "CALL";
            var state = server.TryGetSession(id, out var current) && current.IsConnected ? "connected" : "not connected";
            var seconds = timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            await ApiResponse.RefuseAsync(context, logger, StatusCodes.Status504GatewayTimeout, $"no {what} from station '{id}' within {seconds} s (it is {state})").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away.
        }
    }

    private async Task<RecordedFrame> WaitForCallAsync(string id, string action, long? after, CancellationToken cancellationToken)
    {
        var session = server.TryGetSession(id, out var current) && current.IsConnected ? current : null;
        var from = after ?? session?.LastSequence ?? 0;
        StationSession? ended = null;
        while (true)
        {
            if (session is null)
            {
                var previous = ended;
                session = await server.WaitForStationAsync(id, s => s != previous && s.IsConnected, cancellationToken).ConfigureAwait(false);
                from = 0;
            }

            try
            {
                return await session.WaitForFrameAsync(
                    from,
                    frame => frame.IsCall(FrameDirection.Received) && (action.Length == 0 || string.Equals(frame.Action, action, StringComparison.Ordinal)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (OcppNotConnectedException)
            {
                // Ended without a match: the station's next session may bring it (after a reboot).
                (ended, session) = (session, null);
            }
        }
    }

    private static void WritePayload(Utf8JsonWriter writer, RecordedFrame frame)
    {
        using var document = JsonDocument.Parse(frame.Text);
        document.RootElement[3].WriteTo(writer);
    }

    private static bool IsChargePointAction(string action) =>
        OcppActions.TryGet(action, out var known) && known.Direction != MessageDirection.CentralSystemToChargePoint;

    private Task NotConnectedAsync(HttpContext context, string id) =>
        ApiResponse.RefuseAsync(context, logger, StatusCodes.Status404NotFound, $"station '{id}' is not connected");

    public static string ChargePointId(HttpContext context) => (string)context.Request.RouteValues["id"]!;
}
