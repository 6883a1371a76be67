using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests;

/// <summary>
/// The endpoints the dashboard adds to the control API of <c>run</c> (its page and files,
/// <c>GET /events</c>, <c>GET /frames</c>, <c>GET /configuration</c>, the cross-origin guard),
/// against the command as a process.
/// </summary>
public sealed class DashboardEndpointTests : CentralSystemProcessTest
{
    [Fact]
    public async Task The_page_and_its_files_come_from_the_binary_with_the_content_security_policy_and_an_unknown_file_is_404()
    {
        await using var station = await StartAsync("DASH-FILES");

        using var page = await station.Http.GetAsync(new Uri("/", UriKind.Relative)).OrTimeout();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("station.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var script = await station.Http.GetAsync(new Uri("/station.js", UriKind.Relative)).OrTimeout();
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/station.js");
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var notModified = await station.Http.SendAsync(again).OrTimeout();
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var missing = await station.Http.GetAsync(new Uri("/no-such-file.js", UriKind.Relative)).OrTimeout();
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit '0' must be a whole number from 1 to 500")]
    [InlineData("limit=501", "limit '501' must be a whole number from 1 to 500")]
    [InlineData("limit=ten", "limit 'ten' must be a whole number from 1 to 500")]
    [InlineData("action=Reboot", "action 'Reboot' is not an OCPP 1.6 action (e.g. StartTransaction)")]
    public async Task GET_frames_refuses_a_bad_limit_or_action_with_400_and_the_reason(string query, string reason)
    {
        await using var station = await StartAsync("DASH-BAD");

        using var response = await station.Http.GetAsync(new Uri($"/frames?{query}", UriKind.Relative)).OrTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task GET_frames_lists_both_directions_named_by_action_and_filters_by_action_and_limit()
    {
        await using var station = await StartAsync("DASH-FRAMES");
        var session = await Csms.WaitForStationAsync("DASH-FRAMES").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        var boot = (await station.Http.GetFromJsonAsync<JsonElement>("/frames?action=BootNotification").OrTimeout()).GetProperty("frames");
        Assert.Equal(["sent CALL", "received CALLRESULT"], boot.EnumerateArray().Select(f => $"{f.GetProperty("direction")} {f.GetProperty("type")}").Take(2));
        Assert.All(boot.EnumerateArray(), f => Assert.Equal("BootNotification", f.GetProperty("action").GetString()));
        Assert.StartsWith("[2,", boot[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var last = (await station.Http.GetFromJsonAsync<JsonElement>("/frames?limit=1").OrTimeout()).GetProperty("frames");
        Assert.Equal(1, last.GetArrayLength());
    }

    [Fact]
    public async Task GET_events_streams_the_frames_then_the_state_and_a_plug_sends_the_new_state()
    {
        await using var station = await StartAsync("DASH-EVENTS");
        var session = await Csms.WaitForStationAsync("DASH-EVENTS").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        using var response = await station.Http.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).OrTimeout();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var (firstEvent, frames) = await ServerSentEvents.NextEventAsync(reader).OrTimeout();
        Assert.Equal("frames", firstEvent);
        Assert.Contains(JsonDocument.Parse(frames).RootElement.GetProperty("frames").EnumerateArray(), f => f.GetProperty("action").GetString() == "BootNotification");
        Assert.Equal("Available", await ServerSentEvents.NextStatusAsync(reader, status => status == "Available").OrTimeout());

        using var plugged = await station.Http.PostAsync(new Uri("/connectors/1/plug", UriKind.Relative), null).OrTimeout();
        Assert.Equal("Preparing", await ServerSentEvents.NextStatusAsync(reader, status => status == "Preparing").OrTimeout());
    }

    [Fact]
    public async Task GET_configuration_lists_the_keys_with_their_values_and_access()
    {
        await using var station = await StartAsync("DASH-CONFIG");
        await Csms.WaitForStationAsync("DASH-CONFIG").OrTimeout();

        var keys = (await station.Http.GetFromJsonAsync<JsonElement>("/configuration").OrTimeout()).GetProperty("keys").EnumerateArray().ToList();

        var heartbeat = keys.Single(k => k.GetProperty("key").GetString() == "HeartbeatInterval");
        Assert.False(heartbeat.GetProperty("readonly").GetBoolean());
        Assert.True(keys.Single(k => k.GetProperty("key").GetString() == "NumberOfConnectors").GetProperty("readonly").GetBoolean());
        // The write-only key is listed as GetConfiguration lists it, without its value.
        Assert.All(keys.Where(k => k.GetProperty("key").GetString() == "AuthorizationKey"), k => Assert.Equal(JsonValueKind.Null, k.GetProperty("value").ValueKind));
    }

    [Fact]
    public async Task A_write_from_a_page_of_another_origin_is_refused_with_403_and_changes_nothing()
    {
        await using var station = await StartAsync("DASH-ORIGIN");
        await Csms.WaitForStationAsync("DASH-ORIGIN").OrTimeout();

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/connectors/1/plug");
        foreign.Headers.Add("Origin", "http://attacker.example");
        using var refused = await station.Http.SendAsync(foreign).OrTimeout();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var state = await station.Http.GetFromJsonAsync<JsonElement>("/state").OrTimeout();
        Assert.False(state.GetProperty("connectors")[0].GetProperty("plugged").GetBoolean());

        // The dashboard's own page is of the same origin.
        using var own = new HttpRequestMessage(HttpMethod.Post, "/connectors/1/plug");
        own.Headers.Add("Origin", station.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var accepted = await station.Http.SendAsync(own).OrTimeout();
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private async Task<Station> StartAsync(string id)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var text = port.ToString(CultureInfo.InvariantCulture);
        var process = CommandProcess.Start("run", "--csms-url", Csms.Endpoint.ToString(), "--id", id, "--data-dir", Path.Combine(Data.Path, id), "--control-port", text);
        await process.WaitForLineAsync(l => l == $"dashboard at http://127.0.0.1:{text}/", ProcessTimeout);
        return new Station(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{text}") });
    }

    private sealed record Station(CommandProcess Process, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Process.DisposeAsync();
        }
    }
}
