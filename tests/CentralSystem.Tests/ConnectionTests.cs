using System.Net;
using System.Net.WebSockets;
using CentralSystem.Tests.Support;
using Xunit;

namespace CentralSystem.Tests;

public sealed class ConnectionTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync();

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public void Endpoint_is_the_ws_url_of_the_bound_loopback_port()
    {
        Assert.NotEqual(0, _csms.Server.Port);
        Assert.Equal(new Uri($"ws://127.0.0.1:{_csms.Server.Port}/ocpp"), _csms.Server.Endpoint);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ocpp")]
    [InlineData("/ocpp/")]
    [InlineData("/ocpp/cp001/extra")]
    [InlineData("/other/cp001")]
    public async Task Websocket_to_a_path_other_than_ocpp_slash_id_is_refused_with_404(string path)
    {
        var status = await HandshakeStatusAsync(path, ["ocpp1.6"]);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(_csms.Logged($"with 404: charge points connect to /ocpp/{{chargePointId}}"));
        Assert.Empty(_csms.Server.Sessions);
    }

    [Fact]
    public async Task Websocket_without_ocpp16_among_its_subprotocols_is_refused_with_400_naming_what_was_offered()
    {
        var status = await HandshakeStatusAsync("/ocpp/cp001", ["ocpp2.0.1", "ocpp1.5"]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(_csms.Logged("Refused station cp001 with 400: it offered the subprotocols [ocpp2.0.1, ocpp1.5], not ocpp1.6"));
        Assert.Empty(_csms.Server.Sessions);
    }

    [Fact]
    public async Task Websocket_without_any_subprotocol_is_refused_with_400()
    {
        var status = await HandshakeStatusAsync("/ocpp/cp001", []);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(_csms.Logged("it offered the subprotocols [none]"));
    }

    [Fact]
    public async Task Ocpp16_offered_among_others_is_accepted()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp2.0.1");
        socket.Options.AddSubProtocol("ocpp1.6");

        await socket.ConnectAsync(new Uri(_csms.Server.Endpoint + "/cp001"), CancellationToken.None).Bounded();

        Assert.Equal("ocpp1.6", socket.SubProtocol);
        var session = await _csms.Server.WaitForStationAsync("cp001").Bounded();
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).Bounded();
        await session.WaitForDisconnectAsync().Bounded();
    }

    [Fact]
    public async Task Plain_http_request_to_a_station_path_is_refused_with_400()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_csms.Server.Port}/ocpp/cp001")).Bounded();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket upgrade", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charge_point_id_is_url_decoded()
    {
        await using var chargePoint = await _csms.ConnectAsync("Hall 7/ä#1");

        var session = await _csms.Server.WaitForStationAsync("Hall 7/ä#1").Bounded();

        Assert.Equal("Hall 7/ä#1", session.ChargePointId);
        Assert.True(session.IsConnected);
        Assert.Equal(IPAddress.Loopback, session.RemoteAddress);
    }

    [Fact]
    public async Task Wait_for_station_returns_a_connected_session_at_once_or_when_it_connects()
    {
        var waiting = _csms.Server.WaitForStationAsync("cp001");
        Assert.True(await waiting.StaysPending());

        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var session = await waiting.Bounded();
        Assert.Same(session, await _csms.Server.WaitForStationAsync("cp001").Bounded());
        Assert.True(_csms.Server.TryGetSession("cp001", out var found));
        Assert.Same(session, found);
    }

    [Fact]
    public async Task Second_connection_with_the_same_id_replaces_the_session_and_closes_the_first()
    {
        var (first, old) = await _csms.ConnectWithSessionAsync("cp001");

        await using var second = await _csms.ConnectAsync("cp001");
        var replacement = await _csms.Server.WaitForStationAsync("cp001", session => session != old).Bounded();

        await first.Running.Bounded();
        await old.WaitForDisconnectAsync().Bounded();
        Assert.False(old.IsConnected);
        Assert.True(replacement.IsConnected);
        Assert.Equal([replacement], _csms.Server.Sessions);
        Assert.Equal(Ocpp16.Messages.RegistrationStatus.Accepted, (await second.BootAsync()).Status);
        Assert.True(_csms.Logged("Station cp001 connected again; closing its previous connection"));
    }

    [Fact]
    public async Task Connected_and_disconnected_events_are_raised_once_per_connection()
    {
        var events = new List<string>();
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _csms.Server.StationConnected += (_, session) => Add($"+{session.ChargePointId}");
        _csms.Server.StationDisconnected += (_, session) =>
        {
            Add($"-{session.ChargePointId}");
            disconnected.TrySetResult();
        };

        var (chargePoint, _) = await _csms.ConnectWithSessionAsync("cp001");
        await chargePoint.DisposeAsync();

        await disconnected.Task.Bounded();
        lock (events)
        {
            Assert.Equal(["+cp001", "-cp001"], events);
        }

        void Add(string entry)
        {
            lock (events)
            {
                events.Add(entry);
            }
        }
    }

    [Fact]
    public async Task Closing_a_session_ends_the_connection_with_a_close_handshake()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("cp001");

        await session.CloseAsync().Bounded();

        Assert.False(session.IsConnected);
        await chargePoint.Running.Bounded();
        Assert.False(chargePoint.IsOpen);
    }

    [Fact]
    public async Task Disposing_the_server_closes_every_station()
    {
        var (first, _) = await _csms.ConnectWithSessionAsync("cp001");
        var (second, _) = await _csms.ConnectWithSessionAsync("cp002");

        await _csms.Server.DisposeAsync().AsTask().Bounded();

        await Task.WhenAll(first.Running, second.Running).Bounded();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _csms.Server.WaitForStationAsync("cp003").Bounded());
    }

    private async Task<HttpStatusCode> HandshakeStatusAsync(string path, string[] subprotocols)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var subprotocol in subprotocols)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_csms.Server.Port}{path}"), CancellationToken.None).Bounded());
        return socket.HttpStatusCode;
    }
}
