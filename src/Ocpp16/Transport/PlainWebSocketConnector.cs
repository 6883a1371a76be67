using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Ocpp16.Transport;

/// <summary>
/// The opening handshake of a plain <c>ws://</c> connection (RFC 6455 §4.1) written over the
/// socket itself, then <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>.
/// <see cref="ClientWebSocket"/> keeps the HTTP connection it upgraded under the WebSocket for its
/// whole life, with a 4 KB read and a 4 KB write buffer and the connection pool around it: about
/// 11 KB per connection that a fleet of thousands of stations pays for nothing.
/// </summary>
internal static class PlainWebSocketConnector
{
    private const int MaxResponseHeadBytes = 8 * 1024;

    // RFC 6455 §1.3: the GUID the server appends to the key before hashing it.
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static async Task<WebSocketTransport> ConnectAsync(WebSocketClientOptions options, Uri endpoint, CancellationToken cancellationToken)
    {
        // Real time on purpose: a network safeguard against a silent peer, not behaviour with an interval.
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            try
            {
                if (options.LocalAddress is { } local)
                {
                    socket.Bind(new IPEndPoint(local, 0));
                }

                await socket.ConnectAsync(new DnsEndPoint(endpoint.IdnHost, endpoint.Port), linked.Token).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                // As ClientWebSocket says it: callers tell network failures by WebSocketException.
                throw new WebSocketException(WebSocketError.Faulted, $"Unable to connect to the remote server: {ex.Message}", ex);
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            await SendRequestAsync(socket, options, endpoint, key, linked.Token).ConfigureAwait(false);
            var head = await ReadResponseHeadAsync(socket, linked.Token).ConfigureAwait(false);
            var agreed = Check(head, key, endpoint, options);
            var webSocket = WebSocket.CreateFromStream(new NetworkStream(socket, ownsSocket: true), new WebSocketCreationOptions
            {
                IsServer = false,
                SubProtocol = agreed,
                KeepAliveInterval = options.PingInterval,
                KeepAliveTimeout = options.PingInterval > TimeSpan.Zero ? options.PingInterval * 2 : Timeout.InfiniteTimeSpan,
            });
            if (agreed != OcppWebSocketClient.SubProtocol)
            {
                using (webSocket)
                {
                    await webSocket.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "ocpp1.6 required", timeout.Token).ConfigureAwait(false);
                    throw new SubprotocolRefusedException(endpoint, agreed);
                }
            }

            return new WebSocketTransport(webSocket, options.MaxMessageBytes);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task SendRequestAsync(Socket socket, WebSocketClientOptions options, Uri endpoint, string key, CancellationToken cancellationToken)
    {
        var request = new StringBuilder()
            .Append("GET ").Append(endpoint.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(endpoint.Authority).Append("\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n")
            .Append("Sec-WebSocket-Version: 13\r\n")
            .Append("Sec-WebSocket-Protocol: ").Append(OcppWebSocketClient.SubProtocol).Append("\r\n");
        if (options.BasicAuthPassword is { } password)
        {
            request.Append("Authorization: ").Append(password.AuthorizationHeader(options.ChargePointId)).Append("\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(request.Append("\r\n").ToString());
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
    }

    // Reads exactly the response head, up to its empty line: what follows is already the WebSocket's
    // (a Central System may send a CALL at once). Peeks first, so no byte past the head is consumed.
    private static async Task<string> ReadResponseHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var head = new List<byte>(256);
        var scratch = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            while (true)
            {
                var peeked = await socket.ReceiveAsync(scratch.AsMemory(), SocketFlags.Peek, cancellationToken).ConfigureAwait(false);
                if (peeked == 0)
                {
                    throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "the Central System closed the connection during the WebSocket handshake");
                }

                var take = peeked;
                var found = false;
                for (var i = 0; i < peeked; i++)
                {
                    if (EndsHead(head, scratch, i))
                    {
                        take = i + 1;
                        found = true;
                        break;
                    }
                }

                var consumed = 0;
                while (consumed < take)
                {
                    consumed += await socket.ReceiveAsync(scratch.AsMemory(consumed, take - consumed), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }

                head.AddRange(scratch.AsSpan(0, take));
                if (found)
                {
                    return Encoding.ASCII.GetString([.. head]);
                }

                if (head.Count > MaxResponseHeadBytes)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, $"the Central System's handshake answer is longer than {MaxResponseHeadBytes} bytes");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    // Whether byte i of scratch completes "\r\n\r\n", looking back into what head holds already.
    private static bool EndsHead(List<byte> head, byte[] scratch, int i)
    {
        ReadOnlySpan<byte> end = "\r\n\r\n"u8;
        for (var back = 0; back < end.Length; back++)
        {
            var at = i - back;
            var value = at >= 0 ? scratch[at] : head.Count + at >= 0 ? head[head.Count + at] : (byte)0;
            if (value != end[end.Length - 1 - back])
            {
                return false;
            }
        }

        return true;
    }

    // Checks the answer (RFC 6455 §4.1, the client's checks); returns the subprotocol agreed, if any.
    private static string? Check(string head, string key, Uri endpoint, WebSocketClientOptions options)
    {
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var status = lines.Length > 0 ? lines[0].Split(' ', 3) : [];
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(status[1], out var code))
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"the Central System's handshake answer is no HTTP response: '{(lines.Length > 0 ? lines[0] : "")}'");
        }

        if (code != (int)HttpStatusCode.SwitchingProtocols)
        {
            var refused = new WebSocketException(WebSocketError.NotAWebSocket, $"The server returned status code '{code}' when status code '101' was expected.");
            throw OcppWebSocketClient.AuthenticationRefusal((HttpStatusCode)code, endpoint, options, refused) ?? (Exception)refused;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

#pragma warning disable CA5350 // RFC 6455 §4.2.2 fixes SHA-1 for Sec-WebSocket-Accept; it protects nothing secret.
        var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
        if (!string.Equals(headers.GetValueOrDefault("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase)
            || !(headers.GetValueOrDefault("Connection") ?? "").Split(',').Any(t => string.Equals(t.Trim(), "Upgrade", StringComparison.OrdinalIgnoreCase))
            || headers.GetValueOrDefault("Sec-WebSocket-Accept") != expected)
        {
            throw new WebSocketException(WebSocketError.HeaderError, "the Central System's handshake answer is no valid WebSocket upgrade (Upgrade, Connection or Sec-WebSocket-Accept)");
        }

        var agreed = headers.GetValueOrDefault("Sec-WebSocket-Protocol");
        if (agreed is not null && agreed != OcppWebSocketClient.SubProtocol)
        {
            // As ClientWebSocket: a subprotocol that was not asked for breaks the handshake.
            throw new WebSocketException(WebSocketError.UnsupportedProtocol,
                $"The WebSocket client request requested '{OcppWebSocketClient.SubProtocol}' protocol(s), but server is only accepting '{agreed}' protocol(s).");
        }

        return agreed;
    }
}
