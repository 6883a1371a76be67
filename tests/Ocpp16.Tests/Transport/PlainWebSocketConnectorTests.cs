using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Xunit;

namespace Ocpp16.Tests.Transport;

/// <summary>
/// The ws:// opening handshake written over the socket (RFC 6455 §4.1), against a scripted server
/// on loopback that answers what each test needs.
/// </summary>
public sealed class PlainWebSocketConnectorTests
{
    [Fact]
    public async Task A_frame_sent_right_behind_the_101_is_the_first_message()
    {
        // The server's CALL arrives in the same segment as its handshake answer: no byte of it may be lost.
        await using var server = await ScriptedServer.StartAsync(key => Accept(key, "ocpp1.6"), Frame("""[2,"1","Heartbeat",{}]"""));

        await using var transport = await OcppWebSocketClient.ConnectAsync(Options(server.Uri));
        await transport.WaitToReceiveAsync().OrTimeout();
        var buffer = new ArrayBufferWriter<byte>();

        Assert.True(await transport.ReceiveAsync(buffer).AsTask().OrTimeout());
        Assert.Equal("""[2,"1","Heartbeat",{}]""", Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal("ocpp1.6", transport.SubProtocol);
        var request = await server.Request.OrTimeout();
        Assert.StartsWith("GET /ocpp/CP%201 HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Protocol: ocpp1.6\r\n", request, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_upgrade_names_the_refusal(int status)
    {
        await using var server = await ScriptedServer.StartAsync(_ => $"HTTP/1.1 {status} No\r\nContent-Length: 0\r\n\r\n", []);

        var refused = await Assert.ThrowsAsync<AuthenticationRefusedException>(() => OcppWebSocketClient.ConnectAsync(Options(server.Uri))).OrTimeout();

        Assert.Equal((HttpStatusCode)status, refused.StatusCode);
    }

    [Fact]
    public async Task Another_status_is_a_WebSocket_failure()
    {
        await using var server = await ScriptedServer.StartAsync(_ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", []);

        var failed = await Assert.ThrowsAsync<WebSocketException>(() => OcppWebSocketClient.ConnectAsync(Options(server.Uri))).OrTimeout();

        Assert.Contains("'404'", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_accept_key_is_refused()
    {
        await using var server = await ScriptedServer.StartAsync(_ => Accept("not-the-key", "ocpp1.6"), []);

        await Assert.ThrowsAsync<WebSocketException>(() => OcppWebSocketClient.ConnectAsync(Options(server.Uri))).OrTimeout();
    }

    [Fact]
    public async Task No_subprotocol_in_the_answer_is_refused_as_such()
    {
        await using var server = await ScriptedServer.StartAsync(key => Accept(key, null), []);

        var refused = await Assert.ThrowsAsync<SubprotocolRefusedException>(() => OcppWebSocketClient.ConnectAsync(Options(server.Uri))).OrTimeout();

        Assert.Null(refused.Agreed);
    }

    private static WebSocketClientOptions Options(Uri uri) => new() { CentralSystemUri = uri, ChargePointId = "CP 1" };

    private static string Accept(string key, string? protocol)
    {
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for Sec-WebSocket-Accept.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {accept}\r\n" + (protocol is null ? "" : $"Sec-WebSocket-Protocol: {protocol}\r\n") + "\r\n";
    }

    // An unmasked text frame of a server (RFC 6455 §5.2), payload under 126 bytes.
    private static byte[] Frame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        return [0x81, (byte)payload.Length, .. payload];
    }

    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _serving;

        private ScriptedServer(TcpListener listener, Func<string, string> answer, byte[] after)
        {
            _listener = listener;
            _serving = ServeAsync(answer, after);
        }

        public Uri Uri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ocpp");

        public Task<string> Request => _request.Task;

        public static Task<ScriptedServer> StartAsync(Func<string, string> answer, byte[] after)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new ScriptedServer(listener, answer, after));
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _serving.OrTimeout();
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away mid-answer: what the test checks was seen already.
            }
        }

        // Reads the request head, answers it and what follows in one write, then keeps the connection open until disposed.
        private async Task ServeAsync(Func<string, string> answer, byte[] after)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            {
                head.Append((char)one[0]);
            }

            var request = head.ToString();
            _request.TrySetResult(request);
            var key = request.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key: ", StringComparison.Ordinal))["Sec-WebSocket-Key: ".Length..];
            await stream.WriteAsync((byte[])[.. Encoding.ASCII.GetBytes(answer(key)), .. after]);
            await stream.FlushAsync();

            // Held until the client closes: the test reads what was sent first.
            var rest = new byte[256];
            while (await stream.ReadAsync(rest) > 0)
            {
            }
        }
    }
}
