using System.Buffers;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Transport;

/// <summary>The in-memory transport that RPC tests in every project run on behaves like a WebSocket would.</summary>
public sealed class InMemoryTransportTests
{
    [Fact]
    public async Task Messages_arrive_whole_and_in_order_in_both_directions()
    {
        var (local, remote) = InMemoryTransport.CreatePair();

        await local.SendTextAsync("""[2,"1","Heartbeat",{}]""");
        await local.SendTextAsync("""[2,"2","Heartbeat",{}]""");
        await remote.SendTextAsync("""[3,"1",{}]""");

        Assert.Equal("""[2,"1","Heartbeat",{}]""", await remote.ReceiveTextAsync().OrTimeout());
        Assert.Equal("""[2,"2","Heartbeat",{}]""", await remote.ReceiveTextAsync().OrTimeout());
        Assert.Equal("""[3,"1",{}]""", await local.ReceiveTextAsync().OrTimeout());
    }

    [Fact]
    public async Task Sent_buffer_may_be_reused_once_the_send_completed()
    {
        var (local, remote) = InMemoryTransport.CreatePair();
        var buffer = "[3,\"a\",{}]"u8.ToArray();

        await local.SendAsync(buffer);
        buffer.AsSpan().Fill((byte)'x');

        Assert.Equal("""[3,"a",{}]""", await remote.ReceiveTextAsync().OrTimeout());
    }

    [Fact]
    public async Task Receive_appends_the_message_to_the_destination()
    {
        var (local, remote) = InMemoryTransport.CreatePair();
        var destination = new ArrayBufferWriter<byte>();

        await local.SendTextAsync("[3,\"a\",{}]");

        Assert.True(await remote.ReceiveAsync(destination).AsTask().OrTimeout());
        Assert.Equal("[3,\"a\",{}]"u8.ToArray(), destination.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task Full_direction_makes_the_sender_wait_until_the_peer_reads()
    {
        var (local, remote) = InMemoryTransport.CreatePair(capacity: 1);
        await local.SendTextAsync("first");

        var second = local.SendTextAsync("second").AsTask();
        Assert.False(second.IsCompleted);

        Assert.Equal("first", await remote.ReceiveTextAsync().OrTimeout());
        await second.OrTimeout();
        Assert.Equal("second", await remote.ReceiveTextAsync().OrTimeout());
    }

    [Fact]
    public async Task Close_delivers_what_was_sent_then_ends_both_sides()
    {
        var (local, remote) = InMemoryTransport.CreatePair();
        await local.SendTextAsync("last words");

        await local.CloseAsync("station rebooting");

        Assert.Equal("last words", await remote.ReceiveTextAsync().OrTimeout());
        Assert.Null(await remote.ReceiveTextAsync().OrTimeout());
        Assert.Null(await local.ReceiveTextAsync().OrTimeout());
        Assert.Equal("station rebooting", remote.CloseReason);
        Assert.True(local.IsClosed);
    }

    [Fact]
    public async Task Send_after_close_fails_with_an_IOException_from_either_side()
    {
        var (local, remote) = InMemoryTransport.CreatePair();
        await remote.DisposeAsync();

        await Assert.ThrowsAsync<IOException>(() => local.SendTextAsync("x").AsTask().OrTimeout());
        await Assert.ThrowsAsync<IOException>(() => remote.SendTextAsync("x").AsTask().OrTimeout());
        Assert.Equal("disposed", local.CloseReason);
    }

    [Fact]
    public async Task Receive_is_cancellable()
    {
        var (_, remote) = InMemoryTransport.CreatePair();
        using var cancel = new CancellationTokenSource();

        var receive = remote.ReceiveTextAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receive.OrTimeout());
    }

    [Fact]
    public async Task TryReceiveText_takes_only_what_is_already_there()
    {
        var (local, remote) = InMemoryTransport.CreatePair();
        Assert.False(remote.TryReceiveText(out _));

        await local.SendTextAsync("ready");

        Assert.True(remote.TryReceiveText(out var text));
        Assert.Equal("ready", text);
    }
}
