using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using CentralSystem.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Station.Host.Dashboard;

namespace Browser.Tests.Support;

/// <summary>
/// The fleet control API's endpoints as the fleet view uses them (<c>GET /fleet</c>, the paged
/// <c>GET /stations</c>, and per station <c>state</c>, <c>events</c> and the POSTs of the control
/// API), over stations that are only rows, with the real fleet page and its live feed
/// (<see cref="DashboardPages.MapFleet"/>, <see cref="FleetLiveFeed"/>) mounted as the fleet host
/// mounts them. A stand-in until the fleet command's host is merged.
/// </summary>
public sealed class FakeFleet : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FleetLiveFeed _feed;
    private readonly Dictionary<string, FakeStation> _stations;
    private readonly List<FakeStation> _ordered;
    private readonly DateTimeOffset _started = TimeProvider.System.GetUtcNow();

    private FakeFleet(WebApplication app, FleetLiveFeed feed, List<FakeStation> stations)
    {
        _app = app;
        _feed = feed;
        _ordered = stations;
        _stations = stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The control requests the stations received, as "SIM-00042 connectors/1/plug".</summary>
    public List<string> Requests { get; } = [];

    public static async Task<FakeFleet> StartAsync(int stations)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var rows = Enumerable.Range(1, stations)
            .Select(i => new FakeStation($"SIM-{i.ToString("D5", CultureInfo.InvariantCulture)}", i % 7 == 0 ? "Charging" : "Available"))
            .ToList();
        FakeFleet? fleet = null;
        var feed = new FleetLiveFeed(() => fleet!.FleetJson(), TimeProvider.System);
        fleet = new FakeFleet(app, feed, rows);
        fleet.Map();
        await app.StartAsync();
        var address = app.Urls.Single();
        fleet.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        _feed.EndStreams();
        foreach (var station in _ordered)
        {
            station.Events.Close();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        await _feed.DisposeAsync();
    }

    private void Map()
    {
        DashboardPages.MapFleet(_app);
        _feed.Map(_app);
        _app.MapGet("/fleet", () => Results.Text(FleetJson(), "application/json"));
        _app.MapGet("/stations", (HttpRequest request) => List(request));
        _app.MapGet("/stations/{id}/state", (string id) => Find(id) is { } s ? Results.Text(s.StateJson(), "application/json") : Results.NotFound());
        _app.MapGet("/stations/{id}/events", (HttpContext context, string id) => Find(id) is { } s
            ? s.Events.ServeAsync(context, () => [new SseItem<string>("""{"frames":[]}""", "frames"), new SseItem<string>(s.StateJson(), "state")], context.RequestAborted)
            : Results.NotFound().ExecuteAsync(context));
        _app.MapPost("/stations/{id}/{**action}", (string id, string action) =>
        {
            if (Find(id) is not { } s)
            {
                return Results.NotFound();
            }

            lock (Requests)
            {
                Requests.Add($"{id} {action}");
            }

            s.Apply(action);
            return Results.Text(s.StateJson(), "application/json");
        });
    }

    private FakeStation? Find(string id) => _stations.GetValueOrDefault(id);

    private string FleetJson()
    {
        var seconds = (TimeProvider.System.GetUtcNow() - _started).TotalSeconds;
        var sent = (long)(seconds * _ordered.Count / 10);
        return new JsonObject
        {
            ["stations"] = _ordered.Count,
            ["connected"] = _ordered.Count,
            ["booted"] = _ordered.Count,
            ["charging"] = _ordered.Count(s => s.Status == "Charging"),
            ["messagesSent"] = sent,
            ["messagesReceived"] = sent,
            ["errors"] = 0,
            ["reconnects"] = 0,
            ["responseP50Ms"] = 2.5,
            ["responseP99Ms"] = 9.5 + (seconds % 3),
            ["elapsedSeconds"] = Math.Round(seconds, 3),
        }.ToJsonString();
    }

    private IResult List(HttpRequest request)
    {
        var offset = int.Parse(request.Query["offset"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(request.Query["limit"].FirstOrDefault() ?? "100", CultureInfo.InvariantCulture);
        var q = request.Query["q"].ToString();
        var status = request.Query["status"].ToString();
        var matching = _ordered.Where(s => (q.Length == 0 || s.Id.Contains(q, StringComparison.OrdinalIgnoreCase)) && (status.Length == 0 || status == "connected" || s.Status == status)).ToList();
        var page = new JsonArray([.. matching.Skip(offset).Take(limit).Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["connected"] = true,
            ["registration"] = "Accepted",
            ["connectors"] = new JsonArray(new JsonObject { ["id"] = 1, ["status"] = s.Status }),
        })]);
        return Results.Text(new JsonObject { ["total"] = matching.Count, ["offset"] = offset, ["limit"] = limit, ["stations"] = page }.ToJsonString(), "application/json");
    }

    private sealed class FakeStation(string id, string status)
    {
        public string Id { get; } = id;

        public string Status { get; private set; } = status;

        public EventStream Events { get; } = new(capacity: 16);

        public void Apply(string action)
        {
            Status = action switch
            {
                "connectors/1/plug" => "Preparing",
                "connectors/1/unplug" => "Available",
                _ => Status,
            };
            Events.Publish("state", StateJson());
        }

        public string StateJson() => new JsonObject
        {
            ["chargePointId"] = Id,
            ["connected"] = true,
            ["registration"] = "Accepted",
            ["connectors"] = new JsonArray(new JsonObject
            {
                ["id"] = 1, ["status"] = Status, ["transactionId"] = null, ["meterWh"] = 0, ["errorCode"] = "NoError", ["idTag"] = null, ["plugged"] = Status != "Available",
            }),
            ["queuedTransactionMessages"] = 0,
            ["rebooting"] = false,
        }.ToJsonString();
    }
}
