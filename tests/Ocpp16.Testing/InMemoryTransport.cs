using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Threading.Channels;
using Ocpp16.Transport;

namespace Ocpp16.Testing;

/// <summary>
/// One end of an in-memory OCPP-J connection: whole text messages travel through two bounded
/// channels, in order, with no sockets. Unit tests run an <c>RpcConnection</c> on one end and
/// script the peer on the other end with <see cref="SendTextAsync"/> and <see cref="ReceiveTextAsync"/>.
/// </summary>
/// <remarks>
/// A send into a channel with room completes synchronously, so a CALL is on the wire by the time
/// the call that sent it returns to the test. A full channel makes the sender wait (backpressure),
/// as a WebSocket whose peer does not read would.
/// </remarks>
public sealed class InMemoryTransport : IOcppTransport
{
    /// <summary>The default number of messages each direction holds before a sender waits.</summary>
    public const int DefaultCapacity = 64;

    private readonly Channel<byte[]> _incoming;
    private readonly Channel<byte[]> _outgoing;
    private readonly Link _link;

    private InMemoryTransport(Channel<byte[]> incoming, Channel<byte[]> outgoing, Link link)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _link = link;
    }

    /// <summary>The reason given by whichever end closed the connection first; null while it is open.</summary>
    public string? CloseReason => _link.Reason;

    /// <summary>True once either end closed the connection.</summary>
    public bool IsClosed => _link.Reason is not null;

    /// <summary>Creates the two connected ends.</summary>
    /// <param name="capacity">Messages each direction holds before a sender waits.</param>
    public static (InMemoryTransport Local, InMemoryTransport Remote) CreatePair(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        };
        var localToRemote = Channel.CreateBounded<byte[]>(options);
        var remoteToLocal = Channel.CreateBounded<byte[]>(options);
        var link = new Link(localToRemote, remoteToLocal);
        return (new InMemoryTransport(remoteToLocal, localToRemote, link), new InMemoryTransport(localToRemote, remoteToLocal, link));
    }

    /// <inheritdoc/>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        try
        {
            await _outgoing.Writer.WriteAsync(message.ToArray(), cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            // A closed WebSocket fails sends with an I/O error; callers handle it the same way.
            throw new IOException($"the in-memory connection is closed: {CloseReason}", ex);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> destination, CancellationToken cancellationToken = default)
    {
        if (!await _incoming.Reader.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        if (!_incoming.Reader.TryRead(out var message))
        {
            // Single reader: a message signalled by WaitToReadAsync is still there unless the channel closed.
            return false;
        }

        destination.Write(message);
        return true;
    }

    /// <summary>Sends <paramref name="text"/> as one message, exactly as written.</summary>
    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Receives the next message as text; null once the connection is closed and drained.</summary>
    public async ValueTask<string?> ReceiveTextAsync(CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        return await ReceiveAsync(buffer, cancellationToken) ? Encoding.UTF8.GetString(buffer.WrittenSpan) : null;
    }

    /// <summary>Takes the next message if one is already waiting, without waiting for one.</summary>
    public bool TryReceiveText([NotNullWhen(true)] out string? text)
    {
        if (_incoming.Reader.TryRead(out var message))
        {
            text = Encoding.UTF8.GetString(message);
            return true;
        }

        text = null;
        return false;
    }

    /// <summary>
    /// Closes both directions. Messages already sent are still delivered; after them, both ends'
    /// receives return false and sends fail with an <see cref="IOException"/>.
    /// </summary>
    public Task CloseAsync(string reason, CancellationToken cancellationToken = default)
    {
        _link.Close(reason);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _link.Close("disposed");
        return ValueTask.CompletedTask;
    }

    // What both ends share: the two directions and the first close reason.
    private sealed class Link(Channel<byte[]> first, Channel<byte[]> second)
    {
        private string? _reason;

        public string? Reason => Volatile.Read(ref _reason);

        public void Close(string reason)
        {
            Interlocked.CompareExchange(ref _reason, reason, null);
            first.Writer.TryComplete();
            second.Writer.TryComplete();
        }
    }
}
