using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Ocpp16.Json;
using Ocpp16.Messages;
using Station.Hardware.Simulated;
using Station.Host.Run;
using Station.Security.Events;

namespace Station.Host.Control;

/// <summary>
/// The HTTP control API of the station process contract: simulated physical events, the
/// station's state and its security log. 200 with the state after the event, 400 <c>{"error": ...}</c>
/// for a bad request, 404 for an unknown connector.
/// </summary>
internal static class ControlApi
{
    // The reason goes into the event's techInfo (255 characters) after "cleared through the control API: ".
    private const int MaxClearReasonLength = 200;

    private static readonly string ErrorCodes = string.Join(", ", Enum.GetValues<ChargePointErrorCode>().Where(c => c != ChargePointErrorCode.NoError).Select(OcppEnum.WireName));

    /// <summary>The API of the one station of <c>run</c>, at the root.</summary>
    public static void Map(IEndpointRouteBuilder app, StationRunner runner, ILogger logger) => Map(app, _ => runner, logger);

    /// <summary>
    /// The same API for the station <paramref name="find"/> returns for a request: a fleet mounts it
    /// on a route group <c>/stations/{stationId}</c> and finds the station by its id; null answers 404.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app, Func<HttpContext, StationRunner?> find, ILogger logger)
    {
        var api = new Handlers(find, logger);
        app.MapPost("/connectors/{n}/plug", (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.PlugAsync(id, ct)));
        app.MapPost("/connectors/{n}/unplug", (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.UnplugAsync(id, ct)));
        app.MapPost("/connectors/{n}/ev/unplug", (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.UnplugEvAsync(id, ct)));
        app.MapPost("/connectors/{n}/ev/suspend", (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.SuspendEvAsync(id, ct)));
        app.MapPost("/connectors/{n}/ev/resume", (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.ResumeEvAsync(id, ct)));
        app.MapPost(
            "/connectors/{n}/fault/clear",
            (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.ClearFaultAsync(id, ct), allowStation: true));
        app.MapPost("/connectors/{n}/fault", (string n, HttpContext http, CancellationToken ct) => api.FaultAsync(http, n, ct));
        app.MapPost("/connectors/{n}/stop-button", (string n, HttpContext http, CancellationToken ct) => api.OnConnectorAsync(http, n, (hw, id) => hw.PressStopButtonAsync(id, ct)));
        app.MapPost("/rfid", (HttpContext http, CancellationToken ct) => api.RfidAsync(http, ct));
        app.MapPost("/emergency-stop", (HttpContext http, CancellationToken ct) => api.OnStationAsync(http, hw => hw.PressEmergencyStopAsync(ct)));
        app.MapPost("/emergency-stop/release", (HttpContext http, CancellationToken ct) => api.OnStationAsync(http, hw => hw.ReleaseEmergencyStopAsync(ct)));
        app.MapPost("/power-failure", (HttpContext http, CancellationToken ct) => api.OnStationAsync(http, hw => hw.FailMainsPowerAsync(ct)));
        app.MapPost("/tamper", (HttpContext http, CancellationToken ct) => api.TamperAsync(http, ct));
        app.MapPost("/security-log/clear", (HttpContext http, CancellationToken ct) => api.ClearSecurityLogAsync(http, ct));
        app.MapGet("/security-log", (HttpContext http) => api.SecurityLog(http));
        app.MapGet("/state", (HttpContext http, CancellationToken ct) => api.StateAsync(http, ct));
    }

    private sealed class Handlers(Func<HttpContext, StationRunner?> find, ILogger logger)
    {
        public async Task<IResult> OnConnectorAsync(HttpContext http, string n, Func<SimulatedStationHardware, int, ValueTask> action, bool allowStation = false)
        {
            if (find(http) is not { } runner)
            {
                return UnknownStation(http);
            }

            if (Connector(runner, n, allowStation) is { } refused)
            {
                return refused;
            }

            return await ApplyAsync(runner, () => action(runner.Hardware, int.Parse(n, CultureInfo.InvariantCulture)), CancellationToken.None).ConfigureAwait(false);
        }

        public async Task<IResult> OnStationAsync(HttpContext http, Func<SimulatedStationHardware, ValueTask> action) => find(http) is { } runner
            ? await ApplyAsync(runner, () => action(runner.Hardware), CancellationToken.None).ConfigureAwait(false)
            : UnknownStation(http);

        public async Task<IResult> FaultAsync(HttpContext http, string n, CancellationToken cancellationToken)
        {
            if (find(http) is not { } runner)
            {
                return UnknownStation(http);
            }

            if (Connector(runner, n, allowStation: true) is { } refused)
            {
                return refused;
            }

            var (body, error) = await ReadAsync(http.Request, ControlJsonContext.Relaxed.FaultBody, """{"errorCode": "GroundFailure"}""", cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body!.ErrorCode is not { } text || !OcppEnum.TryParse<ChargePointErrorCode>(text, out var code) || code == ChargePointErrorCode.NoError)
            {
                return Refuse(StatusCodes.Status400BadRequest, $"errorCode '{body.ErrorCode}' is not an OCPP 1.6 ChargePointErrorCode other than NoError ({ErrorCodes})");
            }

            if (body.Info is { Length: > 50 })
            {
                return Refuse(StatusCodes.Status400BadRequest, $"info has {body.Info.Length} characters; StatusNotification.info allows 50");
            }

            var id = int.Parse(n, CultureInfo.InvariantCulture);
            return await ApplyAsync(runner, () => runner.Hardware.FaultAsync(id, code, body.Info, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<IResult> RfidAsync(HttpContext http, CancellationToken cancellationToken)
        {
            if (find(http) is not { } runner)
            {
                return UnknownStation(http);
            }

            var (body, error) = await ReadAsync(http.Request, ControlJsonContext.Relaxed.RfidBody, """{"idTag": "ABC123"}""", cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body!.IdTag is not { Length: > 0 and <= 20 } idTag)
            {
                return Refuse(StatusCodes.Status400BadRequest, $"idTag '{body.IdTag}' must be 1 to 20 characters (OCPP IdToken)");
            }

            return await ApplyAsync(runner, () => runner.Hardware.PresentCardAsync(idTag, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<IResult> TamperAsync(HttpContext http, CancellationToken cancellationToken)
        {
            if (find(http) is not { } runner)
            {
                return UnknownStation(http);
            }

            var (body, error) = await ReadOptionalAsync(http.Request, ControlJsonContext.Relaxed.TamperBody, """{"sensor": "enclosure door"}""", cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            return await ApplyAsync(runner, () => runner.Hardware.TriggerTamperAsync(body?.Sensor, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<IResult> ClearSecurityLogAsync(HttpContext http, CancellationToken cancellationToken)
        {
            if (find(http) is not { } runner)
            {
                return UnknownStation(http);
            }

            var (body, error) = await ReadOptionalAsync(
                http.Request, ControlJsonContext.Relaxed.SecurityLogClearBody, """{"reason": "maintenance visit"}""", cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body?.Reason is { } reason && (reason.Trim().Length == 0 || reason.Length > MaxClearReasonLength))
            {
                return Refuse(StatusCodes.Status400BadRequest, $"reason must be 1 to {MaxClearReasonLength} characters, or absent (it goes into the event's techInfo)");
            }

            if (SecurityLogOf(runner) is not { } log)
            {
                return NoSecurityLog(runner);
            }

            try
            {
                var removed = log.Clear($"cleared through the control API{(body?.Reason is { } why ? ": " + why : string.Empty)}");
                return Results.Json(new SecurityLogClearedBody(removed, log.Entries().Count), ControlJsonContext.Relaxed.SecurityLogClearedBody);
            }
            catch (InvalidOperationException ex)
            {
                return Refuse(StatusCodes.Status503ServiceUnavailable, ex.Message.ReplaceLineEndings(" "));
            }
        }

        public IResult SecurityLog(HttpContext http)
        {
            if (find(http) is not { } runner)
            {
                return UnknownStation(http);
            }

            if (SecurityLogOf(runner) is not { } log)
            {
                return NoSecurityLog(runner);
            }

            var entries = log.Entries().Select(e => new SecurityLogEntryBody(e.Sequence, e.Type, e.Timestamp, e.TechInfo, e.Delivered)).ToList();
            return Results.Json(new SecurityLogBody(entries), ControlJsonContext.Relaxed.SecurityLogBody);
        }

        public async Task<IResult> StateAsync(HttpContext http, CancellationToken cancellationToken) => find(http) is { } runner
            ? Results.Json(await SnapshotAsync(runner, cancellationToken).ConfigureAwait(false), ControlJsonContext.Relaxed.StateBody)
            : UnknownStation(http);

        private static SecurityEventsService? SecurityLogOf(StationRunner runner) => runner.Current?.Block<SecurityEventsService>();

        private IResult NoSecurityLog(StationRunner runner) => runner.Current is null
            ? Refuse(StatusCodes.Status503ServiceUnavailable, "the station is restarting; try again in a moment")
            : Refuse(StatusCodes.Status409Conflict, "this station has no security log (its Security block is not composed)");

        private IResult UnknownStation(HttpContext http) =>
            Refuse(StatusCodes.Status404NotFound, $"no station '{http.Request.RouteValues["stationId"]}' in this fleet");

        private async Task<IResult> ApplyAsync(StationRunner runner, Func<ValueTask> action, CancellationToken cancellationToken)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                return Refuse(StatusCodes.Status400BadRequest, ex.Message.ReplaceLineEndings(" "));
            }

            return Results.Json(await SnapshotAsync(runner, cancellationToken).ConfigureAwait(false), ControlJsonContext.Relaxed.StateBody);
        }

        private static Task<StateBody> SnapshotAsync(StationRunner runner, CancellationToken cancellationToken) => StationStateReader.ReadAsync(runner, cancellationToken);

        private IResult? Connector(StationRunner runner, string n, bool allowStation)
        {
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Refuse(StatusCodes.Status400BadRequest, $"connector '{n}' is not a connector number");
            }

            var exists = (allowStation && id == 0) || runner.Hardware.Connector(id) is not null;
            return exists ? null : Refuse(StatusCodes.Status404NotFound, $"connector {id} does not exist (this station has {runner.Hardware.Connectors.Count})");
        }

        private async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, string example, CancellationToken cancellationToken)
            where T : class
        {
            try
            {
                var body = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken).ConfigureAwait(false);
                return body is null ? (null, Refuse(StatusCodes.Status400BadRequest, $"the body must be a JSON object like {example}")) : (body, null);
            }
            catch (JsonException ex)
            {
                return (null, Refuse(StatusCodes.Status400BadRequest, $"the body must be a JSON object like {example}: {ex.Message.ReplaceLineEndings(" ")}"));
            }
        }

        // An empty body is no body: these requests work without one.
        private async Task<(T? Body, IResult? Error)> ReadOptionalAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, string example, CancellationToken cancellationToken)
            where T : class
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, null);
            }

            try
            {
                var body = JsonSerializer.Deserialize(text, typeInfo);
                return body is null ? (null, Refuse(StatusCodes.Status400BadRequest, $"the body must be empty or a JSON object like {example}")) : (body, null);
            }
            catch (JsonException ex)
            {
                return (null, Refuse(StatusCodes.Status400BadRequest, $"the body must be empty or a JSON object like {example}: {ex.Message.ReplaceLineEndings(" ")}"));
            }
        }

        private IResult Refuse(int statusCode, string error)
        {
            HostLog.ControlRefused(logger, statusCode, error);
            return Results.Json(new ErrorBody(error), ControlJsonContext.Relaxed.ErrorBody, statusCode: statusCode);
        }
    }
}
