using System.Buffers;
using System.Net.WebSockets;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Xunit;

namespace Ocpp16.Tests.Transport;

/// <summary>
/// The message size limit of <see cref="WebSocketTransport"/>: a message above it is refused after
/// at most the limit plus one byte is read, however it is fragmented, with close status 1009.
/// </summary>
public sealed class WebSocketTransportLimitTests
{
    private const int Limit = 64 * 1024;

    [Theory]
    [InlineData(1, WebSocketMessageType.Text)]
    [InlineData(1000, WebSocketMessageType.Text)]
    [InlineData(100_000, WebSocketMessageType.Text)]
    [InlineData(1000, WebSocketMessageType.Binary)]
    public async Task Endless_message_is_refused_after_the_limit_with_1009_whatever_its_fragments(int fragmentBytes, WebSocketMessageType type)
    {
        var socket = new ScriptedWebSocket(fragmentBytes, totalBytes: long.MaxValue, type);
        var transport = new WebSocketTransport(socket, Limit);
        var buffer = new ArrayBufferWriter<byte>();

        var refused = await Assert.ThrowsAsync<MessageTooLargeException>(() => transport.ReceiveAsync(buffer).AsTask().OrTimeout());

        Assert.Equal(Limit, refused.Limit);
        Assert.InRange(socket.BytesDelivered, Limit + 1, Limit + 1);
        Assert.InRange(buffer.Capacity, 0, 2 * (Limit + 1));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.SentCloseStatus);
    }

    [Fact]
    public async Task Message_of_exactly_the_limit_is_received_whole()
    {
        var socket = new ScriptedWebSocket(fragmentBytes: 3000, totalBytes: Limit, WebSocketMessageType.Text);
        var transport = new WebSocketTransport(socket, Limit);
        var buffer = new ArrayBufferWriter<byte>();

        Assert.True(await transport.ReceiveAsync(buffer).AsTask().OrTimeout());

        Assert.Equal(Limit, buffer.WrittenCount);
        Assert.Null(socket.SentCloseStatus);
    }

    [Fact]
    public void Limit_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketTransport(new ScriptedWebSocket(1, 1, WebSocketMessageType.Text), 0));

    // A peer that sends one message of totalBytes 'x' in fragments of fragmentBytes, and records our close.
    private sealed class ScriptedWebSocket(int fragmentBytes, long totalBytes, WebSocketMessageType type) : WebSocket
    {
        public long BytesDelivered { get; private set; }

        public WebSocketCloseStatus? SentCloseStatus { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => SentCloseStatus;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => SentCloseStatus is null ? WebSocketState.Open : WebSocketState.CloseSent;

        public override string? SubProtocol => "ocpp1.6";

        public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var count = (int)Math.Min(Math.Min(buffer.Length, fragmentBytes), totalBytes - BytesDelivered);
            buffer.Span[..count].Fill((byte)'x');
            BytesDelivered += count;
            return ValueTask.FromResult(new ValueWebSocketReceiveResult(count, type, BytesDelivered == totalBytes));
        }

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the transport receives into Memory<byte>");

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
        {
            SentCloseStatus = closeStatus;
            return Task.CompletedTask;
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

        public override void Abort()
        {
        }

        public override void Dispose()
        {
        }
    }
}
