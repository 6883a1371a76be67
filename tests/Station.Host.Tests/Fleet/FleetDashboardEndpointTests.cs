using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// The live side of a fleet station's dashboard (<c>GET /stations/{id}/events</c>, <c>/frames</c>,
/// <c>/configuration</c>), against the fleet command as a process: a station's frame log exists
/// only while a page watches it, and is the same feed as <c>run</c>'s dashboard.
/// </summary>
public sealed class FleetDashboardEndpointTests : CentralSystemProcessTest
{
    [Fact]
    public async Task A_stations_events_are_its_frames_and_state_from_when_a_page_opened_and_the_log_goes_with_the_last_page()
    {
        var (fleet, http) = await StartFleetAsync();
        await using var _ = fleet;
        using var __ = http;
        var session = await Csms.WaitForStationAsync("DF-00002").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        // Nobody watches: no frames are kept, and the query is checked all the same.
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/stations/DF-00002/frames").OrTimeout()).GetProperty("frames").EnumerateArray());
        using (var bad = await http.GetAsync("/stations/DF-00002/frames?limit=0").OrTimeout())
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("limit '0' must be a whole number from 1 to 500", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        using (var response = await http.GetAsync("/stations/DF-00002/events", HttpCompletionOption.ResponseHeadersRead).OrTimeout())
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var (first, frames) = await ServerSentEvents.NextEventAsync(reader).OrTimeout();
            Assert.Equal("frames", first);
            // The log starts when the page opens: the boot, long before, is not in it.
            Assert.DoesNotContain(JsonDocument.Parse(frames).RootElement.GetProperty("frames").EnumerateArray(), f => f.GetProperty("action").GetString() == "BootNotification");
            Assert.Equal("Available", await ServerSentEvents.NextStatusAsync(reader, s => s == "Available").OrTimeout());
            await fleet.WaitForLineAsync(l => l.Contains("a page watches station DF-00002", StringComparison.Ordinal), ProcessTimeout, stderr: true);

            // A plug through the fleet API: the new state, and the StatusNotification both ways, named by action.
            using (var plug = await http.PostAsync("/stations/DF-00002/connectors/1/plug", null).OrTimeout())
            {
                Assert.Equal(HttpStatusCode.OK, plug.StatusCode);
            }

            var (preparing, call, result) = await PlugEventsAsync(reader).OrTimeout();
            Assert.Equal("Preparing", preparing);
            Assert.Contains("Preparing", call, StringComparison.Ordinal);
            Assert.StartsWith("[3,", result, StringComparison.Ordinal);

            // While watched, GET /frames answers the same log; another station's stays empty.
            var kept = (await http.GetFromJsonAsync<JsonElement>("/stations/DF-00002/frames?action=StatusNotification").OrTimeout()).GetProperty("frames");
            Assert.Equal(["sent CALL", "received CALLRESULT"], kept.EnumerateArray().Select(f => $"{f.GetProperty("direction")} {f.GetProperty("type")}"));
            Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/stations/DF-00001/frames").OrTimeout()).GetProperty("frames").EnumerateArray());
        }

        // The page went: the log is dropped, so a page opening later starts with nothing.
        await fleet.WaitForLineAsync(l => l.Contains("the last page of station DF-00002 left", StringComparison.Ordinal), ProcessTimeout, stderr: true);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/stations/DF-00002/frames").OrTimeout()).GetProperty("frames").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_station_is_404_with_the_reason_and_configuration_lists_the_keys()
    {
        var (fleet, http) = await StartFleetAsync();
        await using var _ = fleet;
        using var __ = http;
        await Csms.WaitForStationAsync("DF-00001").OrTimeout();

        foreach (var path in new[] { "/stations/DF-99999/events", "/stations/DF-99999/frames", "/stations/DF-99999/configuration" })
        {
            using var unknown = await http.GetAsync(path).OrTimeout();
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("no station 'DF-99999' in this fleet", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        using (var action = await http.GetAsync("/stations/DF-00001/frames?action=Reboot").OrTimeout())
        {
            Assert.Equal(HttpStatusCode.BadRequest, action.StatusCode);
            Assert.Equal("action 'Reboot' is not an OCPP 1.6 action (e.g. StartTransaction)", (await action.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        var keys = (await http.GetFromJsonAsync<JsonElement>("/stations/DF-00001/configuration").OrTimeout()).GetProperty("keys").EnumerateArray().ToList();
        Assert.False(keys.Single(k => k.GetProperty("key").GetString() == "HeartbeatInterval").GetProperty("readonly").GetBoolean());

        // The station page's shared files come from the Central System's UI, the same bytes as csms serves.
        using var dom = await http.GetAsync("/stations/DF-00001/dom.js").OrTimeout();
        Assert.Equal(HttpStatusCode.OK, dom.StatusCode);
        Assert.Equal(CentralSystem.Web.EmbeddedWebAssets.ReadSharedFile("dom.js"), await dom.Content.ReadAsByteArrayAsync());
    }

    // Events come in the order the station made them, a state read between frames: reads until it has seen
    // the state with Preparing and the StatusNotification of the plug both ways (sent CALL, received CALLRESULT).
    private static async Task<(string? Status, string Call, string Result)> PlugEventsAsync(StreamReader reader)
    {
        string? status = null, call = null, result = null;
        while (status is null || call is null || result is null)
        {
            var (name, data) = await ServerSentEvents.NextEventAsync(reader);
            var json = JsonDocument.Parse(data).RootElement;
            if (name == "state" && json.GetProperty("connectors")[0].GetProperty("status").GetString() == "Preparing")
            {
                status = "Preparing";
            }
            else if (name == "frame" && json.GetProperty("action").GetString() == "StatusNotification")
            {
                var kind = $"{json.GetProperty("direction")} {json.GetProperty("type")}";
                call = kind == "sent CALL" ? json.GetProperty("text").GetString() : call;
                result = kind == "received CALLRESULT" ? json.GetProperty("text").GetString() : result;
            }
        }

        return (status, call, result);
    }

    private async Task<(CommandProcess Fleet, HttpClient Http)> StartFleetAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var text = port.ToString(CultureInfo.InvariantCulture);
        var fleet = CommandProcess.Start(
            "fleet", "--csms-url", Csms.Endpoint.ToString(), "--stations", "3", "--id-prefix", "DF-", "--data-dir", Data.Path, "--control-port", text,
            "--log-level", "Information");
        await fleet.WaitForLineAsync(l => l.StartsWith("fleet: 3/3 booted in ", StringComparison.Ordinal), ProcessTimeout);
        return (fleet, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{text}") });
    }
}
