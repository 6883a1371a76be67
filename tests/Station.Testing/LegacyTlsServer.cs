using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Ocpp16.Testing;

namespace Station.Testing;

/// <summary>
/// A TLS server that speaks only TLS 1.1 (or another legacy version), written at the record level.
/// Why not an SslStream server with EnabledSslProtocols = Tls11: OpenSSL 3 (the TLS library of
/// .NET on Linux) refuses TLS 1.1 below security level 0, which distributions do not ship, so on
/// most machines no such server can run and a test of the client's refusal would prove nothing.
/// This one needs no TLS library: it reads the client's real ClientHello (what versions it
/// offers) and answers with a ServerHello of the legacy version, exactly what a TLS 1.1-only server
/// sends first; the client must abort with a protocol_version alert (RFC 5246 §7.4.1.3, RFC 8446
/// §4.1.3). Every connection is served that way until disposed (a station retries).
/// </summary>
public sealed class LegacyTlsServer : IAsyncDisposable
{
    /// <summary>TLS 1.1 on the wire.</summary>
    public const ushort Tls11 = 0x0302;

    private const byte Handshake = 22;
    private const byte Alert = 21;

    // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: a suite a TLS 1.1 server would pick; the version is refused before it matters.
    private const ushort LegacySuite = 0xC013;

    private readonly TcpListener _listener;
    private readonly ushort _version;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<LegacyTlsExchange> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;

    private LegacyTlsServer(ushort version)
    {
        _version = version;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>Where to connect: <c>wss://127.0.0.1:PORT/ocpp</c>.</summary>
    public Uri Endpoint => new($"wss://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ocpp");

    /// <summary>What the first client offered and how it answered the legacy ServerHello.</summary>
    public Task<LegacyTlsExchange> FirstExchange => _first.Task;

    /// <summary>Starts listening on a free loopback port.</summary>
    public static LegacyTlsServer Start(ushort version = Tls11) => new(version);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving.OrTimeout();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            try
            {
                var exchange = await ExchangeAsync(client.GetStream(), _stopping.Token);
                _first.TrySetResult(exchange);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or SocketException)
            {
                _first.TrySetException(ex);
            }
        }
    }

    private async Task<LegacyTlsExchange> ExchangeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var hello = await ReadHandshakeMessageAsync(stream, cancellationToken);
        var offered = ClientHello.Read(hello);

        // The ServerHello of a TLS 1.1 server: its version, a fresh random, the client's session id, a suite, no compression, no extensions.
        var body = new List<byte>();
        body.AddRange(BigEndian(_version));
        body.AddRange(RandomNumberGenerator.GetBytes(32));
        body.Add((byte)offered.SessionId.Length);
        body.AddRange(offered.SessionId);
        body.AddRange(BigEndian(LegacySuite));
        body.Add(0);
        var message = new List<byte> { 2, 0, (byte)(body.Count >> 8), (byte)body.Count };
        message.AddRange(body);
        var record = new List<byte> { Handshake };
        record.AddRange(BigEndian(_version));
        record.AddRange(BigEndian((ushort)message.Count));
        record.AddRange(message);
        await stream.WriteAsync(record.ToArray(), cancellationToken);

        // The client's answer: an alert (a record of type 21: level, description), or it just closes.
        byte? alert = null;
        var header = new byte[5];
        if (await ReadExactlyOrEndAsync(stream, header, cancellationToken))
        {
            var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3))];
            if (await ReadExactlyOrEndAsync(stream, payload, cancellationToken) && header[0] == Alert && payload.Length >= 2)
            {
                alert = payload[1];
            }
        }

        return new LegacyTlsExchange(offered.LegacyVersion, offered.SupportedVersions, alert);
    }

    // A handshake message may span records: fragments of type 22 are joined until the message is whole.
    private static async Task<byte[]> ReadHandshakeMessageAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var message = new List<byte>();
        var header = new byte[5];
        while (message.Count < 4 || message.Count < 4 + ((message[1] << 16) | (message[2] << 8) | message[3]))
        {
            await stream.ReadExactlyAsync(header, cancellationToken);
            if (header[0] != Handshake)
            {
                throw new InvalidDataException($"expected a handshake record, got type {header[0]}");
            }

            var fragment = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3))];
            await stream.ReadExactlyAsync(fragment, cancellationToken);
            message.AddRange(fragment);
        }

        if (message[0] != 1)
        {
            throw new InvalidDataException($"expected a ClientHello, got handshake type {message[0]}");
        }

        return [.. message.Skip(4)];
    }

    private static async Task<bool> ReadExactlyOrEndAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            return false;
        }
    }

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    // The fields of a ClientHello body (RFC 8446 §4.1.2) this server needs.
    private sealed record ClientHello(ushort LegacyVersion, byte[] SessionId, IReadOnlyList<ushort> SupportedVersions)
    {
        private const ushort SupportedVersionsExtension = 43;

        public static ClientHello Read(byte[] body)
        {
            var at = 0;
            var legacy = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
            at += 2 + 32;
            var sessionId = body.AsSpan(at + 1, body[at]).ToArray();
            at += 1 + sessionId.Length;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
            at += 1 + body[at];
            var versions = new List<ushort>();
            if (at + 2 <= body.Length)
            {
                var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
                at += 2;
                while (at + 4 <= end)
                {
                    var type = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
                    var length = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at + 2));
                    if (type == SupportedVersionsExtension)
                    {
                        for (var v = at + 5; v + 2 <= at + 5 + body[at + 4]; v += 2)
                        {
                            versions.Add(BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(v)));
                        }
                    }

                    at += 4 + length;
                }
            }

            return new ClientHello(legacy, sessionId, versions);
        }
    }
}
