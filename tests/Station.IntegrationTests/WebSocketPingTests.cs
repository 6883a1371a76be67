using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// ORS-11: WebSocketPingInterval drives real WebSocket Ping frames. A Central System framework
/// answers pings itself, so this test speaks raw WebSocket to see them.
/// </summary>
public sealed class WebSocketPingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_station_pings_at_WebSocketPingInterval()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            Configuration = new Dictionary<string, string> { ["WebSocketPingInterval"] = "1" },
            ConfigureStation = options => options with { CentralSystemUri = new Uri($"ws://127.0.0.1:{port}/ocpp") },
        });

        using var client = await listener.AcceptTcpClientAsync().OrTimeout();
        var stream = client.GetStream();
        await AcceptHandshakeAsync(stream);

        // The ping timer runs on real time inside the WebSocket: about a second.
        Assert.Equal(0x9, await NextOpcodeOtherThanTextAsync(stream).OrTimeout());
    }

    private static async Task AcceptHandshakeAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(buffer).AsTask().OrTimeout();
            request.Append((char)buffer[0]);
        }

        var key = request.ToString().Split("\r\n").Single(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
#pragma warning disable CA5350 // RFC 6455 §4.2.2 prescribes SHA-1 for the handshake; it is not used for security here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response)).AsTask().OrTimeout();
    }

    // Reads client frames (masked), skipping the text frames (the BootNotification), until another opcode arrives.
    private static async Task<int> NextOpcodeOtherThanTextAsync(NetworkStream stream)
    {
        var header = new byte[2];
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            var opcode = header[0] & 0x0F;
            long length = header[1] & 0x7F;
            if (length == 126)
            {
                var extended = new byte[2];
                await stream.ReadExactlyAsync(extended);
                length = (extended[0] << 8) | extended[1];
            }
            else if (length == 127)
            {
                var extended = new byte[8];
                await stream.ReadExactlyAsync(extended);
                length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(extended);
            }

            var maskAndPayload = new byte[4 + length];
            await stream.ReadExactlyAsync(maskAndPayload);
            if (opcode != 0x1)
            {
                return opcode;
            }
        }
    }
}
