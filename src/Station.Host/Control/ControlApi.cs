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

namespace Station.Host.Control;

/// <summary>
/// The HTTP control API of the station process contract: simulated physical events and the
/// station's state. 200 with the state after the event, 400 <c>{"error": ...}</c> for a bad
/// request, 404 for an unknown connector.
/// </summary>
internal static class ControlApi
{
    private static readonly string ErrorCodes = string.Join(", ", Enum.GetValues<ChargePointErrorCode>().Where(c => c != ChargePointErrorCode.NoError).Select(OcppEnum.WireName));

    public static void Map(IEndpointRouteBuilder app, StationRunner runner, ILogger logger)
    {
        var api = new Handlers(runner, logger);
        app.MapPost("/connectors/{n}/plug", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.PlugAsync(id, ct)));
        app.MapPost("/connectors/{n}/unplug", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.UnplugAsync(id, ct)));
        app.MapPost("/connectors/{n}/ev/unplug", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.UnplugEvAsync(id, ct)));
        app.MapPost("/connectors/{n}/ev/suspend", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.SuspendEvAsync(id, ct)));
        app.MapPost("/connectors/{n}/ev/resume", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.ResumeEvAsync(id, ct)));
        app.MapPost("/connectors/{n}/fault/clear", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.ClearFaultAsync(id, ct), allowStation: true));
        app.MapPost("/connectors/{n}/fault", api.FaultAsync);
        app.MapPost("/connectors/{n}/stop-button", (string n, CancellationToken ct) => api.OnConnectorAsync(n, (hw, id) => hw.PressStopButtonAsync(id, ct)));
        app.MapPost("/rfid", api.RfidAsync);
        app.MapPost("/emergency-stop", (CancellationToken ct) => api.OnStationAsync(hw => hw.PressEmergencyStopAsync(ct)));
        app.MapPost("/emergency-stop/release", (CancellationToken ct) => api.OnStationAsync(hw => hw.ReleaseEmergencyStopAsync(ct)));
        app.MapPost("/power-failure", (CancellationToken ct) => api.OnStationAsync(hw => hw.FailMainsPowerAsync(ct)));
        app.MapGet("/state", (CancellationToken ct) => api.StateAsync(ct));
    }

    private sealed class Handlers(StationRunner runner, ILogger logger)
    {
        public async Task<IResult> OnConnectorAsync(string n, Func<SimulatedStationHardware, int, ValueTask> action, bool allowStation = false)
        {
            if (Connector(n, allowStation) is { } refused)
            {
                return refused;
            }

            return await ApplyAsync(() => action(runner.Hardware, int.Parse(n, CultureInfo.InvariantCulture)), CancellationToken.None).ConfigureAwait(false);
        }

        public Task<IResult> OnStationAsync(Func<SimulatedStationHardware, ValueTask> action) =>
            ApplyAsync(() => action(runner.Hardware), CancellationToken.None);

        public async Task<IResult> FaultAsync(string n, HttpRequest request, CancellationToken cancellationToken)
        {
            if (Connector(n, allowStation: true) is { } refused)
            {
                return refused;
            }

            var (body, error) = await ReadAsync(request, ControlJsonContext.Relaxed.FaultBody, """{"errorCode": "GroundFailure"}""", cancellationToken).ConfigureAwait(false);
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
            return await ApplyAsync(() => runner.Hardware.FaultAsync(id, code, body.Info, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<IResult> RfidAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            var (body, error) = await ReadAsync(request, ControlJsonContext.Relaxed.RfidBody, """{"idTag": "ABC123"}""", cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body!.IdTag is not { Length: > 0 and <= 20 } idTag)
            {
                return Refuse(StatusCodes.Status400BadRequest, $"idTag '{body.IdTag}' must be 1 to 20 characters (OCPP IdToken)");
            }

            return await ApplyAsync(() => runner.Hardware.PresentCardAsync(idTag, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<IResult> StateAsync(CancellationToken cancellationToken) =>
            Results.Json(await SnapshotAsync(cancellationToken).ConfigureAwait(false), ControlJsonContext.Relaxed.StateBody);

        private async Task<IResult> ApplyAsync(Func<ValueTask> action, CancellationToken cancellationToken)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                return Refuse(StatusCodes.Status400BadRequest, ex.Message.ReplaceLineEndings(" "));
            }

            return await StateAsync(cancellationToken).ConfigureAwait(false);
        }

        private Task<StateBody> SnapshotAsync(CancellationToken cancellationToken) => StationStateReader.ReadAsync(runner, cancellationToken);

        private IResult? Connector(string n, bool allowStation)
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

        private IResult Refuse(int statusCode, string error)
        {
            HostLog.ControlRefused(logger, statusCode, error);
            return Results.Json(new ErrorBody(error), ControlJsonContext.Relaxed.ErrorBody, statusCode: statusCode);
        }
    }
}
