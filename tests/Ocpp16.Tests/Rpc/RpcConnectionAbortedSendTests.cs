using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>
/// A CALL whose send is under way when the WebSocket is aborted, over a real loopback socket: .NET's
/// WebSocket reports that failed write as an <see cref="OperationCanceledException"/> that no caller
/// asked for. It must reach the caller as <see cref="OcppNotConnectedException"/>: the station's
/// delivery loops (the transaction outbox, the outgoing queue) treat that as "offline, try on the
/// next connection", and a cancellation ended them for good (the flapping-link test lost its last
/// StopTransaction, the mid-frame-cut test its StatusNotifications on the next connection).
/// </summary>
public sealed class RpcConnectionAbortedSendTests
{
    // Far more than the socket buffers below hold: the peer does not read, so the write cannot complete.
    private const int PayloadChars = 8 * 1024 * 1024;
    private const int SocketBufferBytes = 64 * 1024;

    [Fact]
    public async Task A_send_cut_off_by_the_connection_aborting_fails_the_call_as_not_connected_not_as_a_cancellation()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Server.ReceiveBufferSize = SocketBufferBytes;
        listener.Start();
        using var client = new TcpClient { SendBufferSize = SocketBufferBytes, ReceiveBufferSize = SocketBufferBytes };
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port).OrTimeout();
        using var peer = await listener.AcceptTcpClientAsync().OrTimeout();

        var socket = WebSocket.CreateFromStream(client.GetStream(), isServer: false, subProtocol: "ocpp1.6", keepAliveInterval: Timeout.InfiniteTimeSpan);
        using var receiving = new CancellationTokenSource();
        var connection = new RpcConnection(new WebSocketTransport(socket), new CallRouter(), new RpcOptions(), TimeProvider.System, NullLogger.Instance);
        await using (connection)
        {
            var running = connection.RunAsync(receiving.Token);
            var call = connection.CallAsync(new DataTransferRequest { VendorId = "test", Data = new string('x', PayloadChars) });

            // The first bytes of the frame reached the peer: the write is under way, and blocked (the peer reads no more).
            var first = new byte[2];
            await peer.GetStream().ReadExactlyAsync(first).AsTask().OrTimeout();
            Assert.False(call.IsCompleted);

            // Cancelling a WebSocket's receive aborts the socket (what closing a connection does), under the blocked write.
            await receiving.CancelAsync();

            var failure = await Assert.ThrowsAsync<OcppNotConnectedException>(() => call.OrTimeout());
            Assert.Contains("sending failed", failure.Message, StringComparison.Ordinal);
            await running.OrTimeout();
            Assert.False(connection.IsOpen);
        }
    }
}
