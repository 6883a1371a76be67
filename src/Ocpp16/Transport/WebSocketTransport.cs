using System.Buffers;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;

namespace Ocpp16.Transport;

/// <summary>
/// OCPP-J over a <see cref="WebSocket"/> (client or server side): one OCPP message per text
/// message, sends serialized because a WebSocket allows one send at a time.
/// </summary>
/// <remarks>
/// A received message larger than the limit is refused as soon as its first byte past the limit
/// arrives, however it is fragmented: the connection is closed with 1009 (Message Too Big, RFC 6455
/// §7.4.1), since OCPP-J has no CALLERROR for a message whose id was never read, and
/// <see cref="ReceiveAsync"/> throws <see cref="MessageTooLargeException"/>. At most the limit plus one
/// byte is read, so no peer makes the receiver buffer more than about twice the limit.
/// </remarks>
public sealed class WebSocketTransport : IOcppTransport
{
    /// <summary>
    /// The default largest message accepted, 1 MiB: a full GetConfiguration answer fits many times
    /// over (the built-in model's is about 3 KB).
    /// </summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    private const int ReceiveChunkBytes = 4096;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly IDisposable? _owned;

    // What a WaitToReceiveAsync read: the header of the next message (no payload yet) or the peer's close.
    private ValueWebSocketReceiveResult? _waited;

    /// <summary>Wraps an open WebSocket.</summary>
    /// <param name="socket">The open WebSocket.</param>
    /// <param name="maxMessageBytes">The largest message accepted, in bytes.</param>
    public WebSocketTransport(WebSocket socket, int maxMessageBytes = DefaultMaxMessageBytes)
        : this(socket, maxMessageBytes, owned: null)
    {
    }

    // owned: what the connection needs for as long as it lives (the TLS handler of a wss:// client).
    internal WebSocketTransport(WebSocket socket, int maxMessageBytes, IDisposable? owned, SslProtocols? tlsProtocol = null, TlsCipherSuite? tlsCipherSuite = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
        _owned = owned;
        TlsProtocol = tlsProtocol;
        TlsCipherSuite = tlsCipherSuite;
    }

    /// <summary>The subprotocol agreed during the handshake.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>The TLS version of a <c>wss://</c> connection the Charge Point opened; null otherwise.</summary>
    public SslProtocols? TlsProtocol { get; }

    /// <summary>The cipher suite of a <c>wss://</c> connection the Charge Point opened; null otherwise.</summary>
    public TlsCipherSuite? TlsCipherSuite { get; }

    /// <inheritdoc/>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A zero-byte receive: the WebSocket reads the next frame's header (or handles a close) without
    /// needing a buffer for its payload, which <see cref="ReceiveAsync"/> then reads.
    /// </remarks>
    public async ValueTask WaitToReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (_waited is null)
        {
            _waited = await ReceiveChunkAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> destination, CancellationToken cancellationToken = default)
    {
        var start = destination.WrittenCount;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            if (_waited is { } waited)
            {
                _waited = null;
                result = waited;
            }
            else
            {
                // Never more than one byte past the limit: enough to know the message is too large.
                var room = (int)Math.Min(ReceiveChunkBytes, (long)_maxMessageBytes + 1 - (destination.WrittenCount - start));
                result = await ReceiveChunkAsync(destination.GetMemory(room)[..room], cancellationToken).ConfigureAwait(false);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync().ConfigureAwait(false);
                return false;
            }

            destination.Advance(result.Count);
            if (destination.WrittenCount - start > _maxMessageBytes)
            {
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too large", cancellationToken).ConfigureAwait(false);
                throw new MessageTooLargeException(_maxMessageBytes);
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Text)
            {
                return true;
            }

            // OCPP-J §3.2 uses text frames only; a binary message is dropped whole.
            destination.ResetWrittenCount();
            start = 0;
        }
    }

    private async ValueTask<ValueWebSocketReceiveResult> ReceiveChunkAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && _socket.State == WebSocketState.Aborted)
        {
            // The keep-alive (WebSocketPingInterval) got no pong in time and aborted the socket: a dead peer, not a cancellation.
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "no pong within the keep-alive timeout: the connection is dead", ex);
        }
    }

    /// <inheritdoc/>
    public Task CloseAsync(string reason, CancellationToken cancellationToken = default) =>
        CloseAsync(WebSocketCloseStatus.NormalClosure, reason, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync("closing", CancellationToken.None).ConfigureAwait(false);
        _socket.Dispose();
        _owned?.Dispose();
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        // Real time on purpose: this guards against a dead peer, it is not station behaviour under test.
        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _socket.CloseOutputAsync(status, reason, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone already; there is nobody left to tell.
            _socket.Abort();
        }
    }

    private async Task AnswerCloseAsync()
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None).ConfigureAwait(false);
        }
    }
}
