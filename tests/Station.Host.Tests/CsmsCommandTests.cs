using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests;

public sealed class CsmsCommandTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "nine")]
    [InlineData("--host", "csms.example.com")]
    [InlineData("--heartbeat-interval", "-1")]
    [InlineData("--frame-history", "-1")]
    [InlineData("--frame-history", "many")]
    [InlineData("--deny", "AN-IDTAG-LONGER-THAN-20")]
    [InlineData("--deny", "")]
    [InlineData("--no-such-option", "1")]
    public async Task Bad_option_exits_with_code_2_and_one_error_line(string option, string value)
    {
        await using var csms = CommandProcess.Start("csms", option, value);

        var exitCode = await csms.WaitForExitAsync(ProcessTimeout);

        Assert.Equal(2, exitCode);
        var error = Assert.Single(csms.Stderr);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Empty(csms.Stdout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Prints_one_line_per_frame_and_exits_0_on_SIGTERM(bool json)
    {
        await using var csms = CommandProcess.Start(json ? ["csms", "--port", "0", "--json"] : ["csms", "--port", "0"]);
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), ProcessTimeout);
        var endpoint = new Uri(listening["csms listening on ".Length..]);
        Assert.Equal("/ocpp", endpoint.AbsolutePath);

        using var station = await ConnectAndBootAsync(endpoint);

        var received = await csms.WaitForLineAsync(l => l.Contains("boot-1", StringComparison.Ordinal) || l.Contains("CP042 → BootNotification", StringComparison.Ordinal), ProcessTimeout);
        var sent = await csms.WaitForLineAsync(l => l.Contains("\"sent\"", StringComparison.Ordinal) || l.Contains("CP042 ← BootNotification.conf", StringComparison.Ordinal), ProcessTimeout);
        if (json)
        {
            Assert.Equal("BootNotification", JsonDocument.Parse(received).RootElement.GetProperty("frame")[2].GetString());
            Assert.Equal("BootNotification", JsonDocument.Parse(sent).RootElement.GetProperty("action").GetString());
            Assert.Equal((1, 2), (JsonDocument.Parse(received).RootElement.GetProperty("sequence").GetInt32(), JsonDocument.Parse(sent).RootElement.GetProperty("sequence").GetInt32()));
        }
        else
        {
            Assert.Contains("vendor=Acme model=One", received, StringComparison.Ordinal);
            Assert.Contains("status=Accepted interval=60", sent, StringComparison.Ordinal);
        }

        // A station answers the close handshake the Central System starts when it stops.
        var closed = AnswerCloseAsync(station);
        await csms.TerminateAsync();

        Assert.Equal(0, await csms.WaitForExitAsync(ProcessTimeout));
        await closed.OrTimeout();

        // The listening line, then exactly one line per frame: the call and its answer.
        Assert.Equal(new[] { listening, received, sent }, csms.Stdout);
    }

    [Fact]
    public async Task Quiet_answers_the_stations_and_prints_no_frame_lines()
    {
        await using var csms = CommandProcess.Start("csms", "--port", "0", "--quiet");
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), ProcessTimeout);
        var endpoint = new Uri(listening["csms listening on ".Length..]);

        // Answered as without --quiet (ConnectAndBootAsync checks the CALLRESULT).
        using var station = await ConnectAndBootAsync(endpoint);
        var closed = AnswerCloseAsync(station);
        await csms.TerminateAsync();

        Assert.Equal(0, await csms.WaitForExitAsync(ProcessTimeout));
        await closed.OrTimeout();
        Assert.Equal(new[] { listening }, csms.Stdout);
    }

    [Fact]
    public async Task The_port_of_the_stations_also_serves_the_web_UI_and_the_JSON_API_that_calls_a_station()
    {
        await using var csms = CommandProcess.Start("csms", "--port", "0");
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), ProcessTimeout);
        var endpoint = new Uri(listening["csms listening on ".Length..]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{endpoint.Authority}/"), Timeout = ProcessTimeout };
        using var station = await ConnectAndBootAsync(endpoint);
        var buffer = new byte[4096];

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative)).OrTimeout();
        var stations = JsonDocument.Parse(await http.GetStringAsync(new Uri("stations", UriKind.Relative)).OrTimeout()).RootElement;

        // A script's ClearCache reaches the station, and the station's answer comes back as the HTTP answer.
        var call = http.PostAsync(new Uri("stations/CP042/calls/ClearCache", UriKind.Relative), new StringContent(string.Empty));
        var received = await station.ReceiveAsync(buffer, CancellationToken.None).OrTimeout();
        var frame = JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement;
        Assert.Equal("ClearCache", frame[2].GetString());
        await station.SendAsync(
            Encoding.UTF8.GetBytes($$"""[3,"{{frame[1].GetString()}}",{"status":"Accepted"}]"""), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).OrTimeout();
        using var answer = await call.OrTimeout();

        Assert.Contains("<title>Central System", page, StringComparison.Ordinal);
        var listed = Assert.Single(stations.EnumerateArray());
        Assert.Equal(("CP042", "Accepted"), (listed.GetProperty("chargePointId").GetString(), listed.GetProperty("registration").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("""{"status":"Accepted"}""", await answer.Content.ReadAsStringAsync());
        Assert.Contains(csms.Stderr, line => line.Contains($"HTTP API listening on http://{endpoint.Authority}/", StringComparison.Ordinal));

        var closed = AnswerCloseAsync(station);
        await csms.TerminateAsync();
        Assert.Equal(0, await csms.WaitForExitAsync(ProcessTimeout));
        await closed.OrTimeout();
    }

    [Fact]
    public async Task Frame_history_keeps_the_newest_frames_per_station_for_the_API()
    {
        await using var csms = CommandProcess.Start("csms", "--port", "0", "--quiet", "--frame-history", "1");
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), ProcessTimeout);
        var endpoint = new Uri(listening["csms listening on ".Length..]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{endpoint.Authority}/"), Timeout = ProcessTimeout };
        using var station = await ConnectAndBootAsync(endpoint);

        var messages = JsonDocument.Parse(await http.GetStringAsync(new Uri("stations/CP042/messages", UriKind.Relative)).OrTimeout()).RootElement;

        // The BootNotification and its answer were recorded; one frame is kept: the answer.
        var kept = Assert.Single(messages.EnumerateArray());
        Assert.Equal(2, kept.GetProperty("sequence").GetInt32());

        var closed = AnswerCloseAsync(station);
        await csms.TerminateAsync();
        Assert.Equal(0, await csms.WaitForExitAsync(ProcessTimeout));
        await closed.OrTimeout();
    }

    // Station CP042 connects and sends BootNotification "boot-1", which the Central System answers.
    private static async Task<ClientWebSocket> ConnectAndBootAsync(Uri endpoint)
    {
        var station = new ClientWebSocket();
        station.Options.AddSubProtocol("ocpp1.6");
        await station.ConnectAsync(new Uri(endpoint + "/CP042"), CancellationToken.None).OrTimeout();
        await station.SendAsync(
            Encoding.UTF8.GetBytes("""[2,"boot-1","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"One"}]"""),
            WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).OrTimeout();
        var buffer = new byte[4096];
        var answer = await station.ReceiveAsync(buffer, CancellationToken.None).OrTimeout();
        Assert.StartsWith("""[3,"boot-1",""", Encoding.UTF8.GetString(buffer, 0, answer.Count), StringComparison.Ordinal);
        return station;
    }

    private static async Task AnswerCloseAsync(ClientWebSocket station)
    {
        var buffer = new byte[4096];
        while ((await station.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
        {
        }

        await station.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
    }
}
