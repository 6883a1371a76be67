using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Ocpp16.Json;
using Ocpp16.Messages;
using Station.Host.Control;

namespace Station.Host.Fleet;

/// <summary>
/// The fleet control API of the station control contract: <c>GET /fleet</c>, the paged station
/// list <c>GET /stations</c>, and every single-station request of <c>run</c>'s control API under
/// <c>/stations/{id}/…</c> (the same <see cref="ControlApi"/>, 404 for an id not in this fleet).
/// </summary>
internal static class FleetControlApi
{
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder app, FleetRunner fleet, int seed, ILogger logger)
    {
        app.MapGet("/fleet", () => Results.Json(Body(fleet, seed), FleetJsonContext.Relaxed.FleetBody));
        app.MapGet("/stations", (HttpRequest request) => List(fleet, request));
        var station = app.MapGroup("/stations/{stationId}");
        ControlApi.Map(station, http => http.Request.RouteValues["stationId"] is string id ? fleet.Find(id)?.Runner : null, logger);
    }

    public static FleetBody Body(FleetRunner fleet, int seed)
    {
        var c = fleet.Counts();
        return new FleetBody(
            c.Stations, c.Started, c.Connected, c.Booted, c.Charging, c.Sent, c.Received, c.Errors, c.Reconnects, c.P50Ms, c.P99Ms, fleet.AtgCycles,
            Math.Round(fleet.Elapsed.TotalSeconds, 3), seed, c.ChaosDisconnects, c.ChaosPowerLosses);
    }

    // ?offset=0&limit=100&q=SIM-0004&status=Charging: q is part of the id (any case); status is connected, disconnected or an OCPP status any connector has.
    private static IResult List(FleetRunner fleet, HttpRequest request)
    {
        if (!Number(request, "offset", 0, out var offset) || !Number(request, "limit", 100, out var limit) || limit is < 1 or > MaxLimit)
        {
            return Results.Json(new ErrorBody($"offset must be a number from 0 and limit one from 1 to {MaxLimit}"), ControlJsonContext.Relaxed.ErrorBody, statusCode: 400);
        }

        var q = request.Query["q"].ToString();
        var status = request.Query["status"].ToString();
        ChargePointStatus? connectorStatus = null;
        if (status.Length > 0 && status is not ("connected" or "disconnected"))
        {
            if (!OcppEnum.TryParse<ChargePointStatus>(status, out var parsed))
            {
                return Results.Json(
                    new ErrorBody($"status '{status}' is not connected, disconnected or an OCPP ChargePointStatus"), ControlJsonContext.Relaxed.ErrorBody, statusCode: 400);
            }

            connectorStatus = parsed;
        }

        var matching = fleet.Stations.Where(s =>
            (q.Length == 0 || s.Id.Contains(q, StringComparison.OrdinalIgnoreCase))
            && status switch
            {
                "" => true,
                "connected" => s.IsConnected,
                "disconnected" => !s.IsConnected,
                _ => Enumerable.Range(1, s.Hardware.Connectors.Count).Any(id => s.Status(id) == connectorStatus),
            }).ToList();
        var page = matching.Skip(offset).Take(limit).Select(s => new StationListItem(
            s.Id, s.IsConnected, s.Registration, [.. Enumerable.Range(1, s.Hardware.Connectors.Count).Select(id => new StationListConnector(id, s.Status(id)))])).ToList();
        return Results.Json(new StationListBody(matching.Count, offset, limit, page), FleetJsonContext.Relaxed.StationListBody);
    }

    private static bool Number(HttpRequest request, string name, int fallback, out int value)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
