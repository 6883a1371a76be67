using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The largest message the station accepts (1 MiB by default), over real loopback WebSockets: a
/// larger one closes the connection with 1009 Message Too Big, and the station reconnects.
/// </summary>
public sealed class MessageSizeLimitTests(ITestOutputHelper output)
{
    private const int OneMiB = WebSocketTransport.DefaultMaxMessageBytes;

    [Fact]
    public async Task Message_above_the_limit_closes_the_connection_with_1009_however_long_the_peer_keeps_sending()
    {
        const int limit = 256 * 1024;
        var closeStatus = new TaskCompletionSource<WebSocketCloseStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ocpp/{id}", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(OcppWebSocketClient.SubProtocol);
            var close = socket.ReceiveAsync(new byte[16], CancellationToken.None);

            // One text message that never ends, 64 MiB at most, until the station's close frame arrives.
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)' ');
            var sending = Task.Run(async () =>
            {
                for (var sent = 0; sent < 64 * OneMiB && !close.IsCompleted; sent += chunk.Length)
                {
                    await socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
                }
            });
            var result = await close.WaitAsync(TestTimeouts.Default, TimeProvider.System);
            closeStatus.TrySetResult(result.CloseStatus);
            socket.Abort();
            // The abort ends a send blocked on a full TCP window; whether it threw does not matter.
            await Task.WhenAny(sending).WaitAsync(TestTimeouts.Default, TimeProvider.System);
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        await using var transport = await OcppWebSocketClient.ConnectAsync(new WebSocketClientOptions
        {
            CentralSystemUri = new Uri($"ws://127.0.0.1:{port}/ocpp"),
            ChargePointId = "CP-LIMIT",
            MaxMessageBytes = limit,
        });
        var buffer = new ArrayBufferWriter<byte>();
        var refused = await Assert.ThrowsAsync<MessageTooLargeException>(() => transport.ReceiveAsync(buffer).AsTask().OrTimeout());

        Assert.Equal(limit, refused.Limit);
        Assert.Equal(limit + 1, buffer.WrittenCount);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await closeStatus.Task.OrTimeout());
    }

    [Fact]
    public async Task Station_answers_a_frame_of_exactly_1_MiB_and_drops_the_connection_on_a_larger_one_then_reconnects()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var first = await harness.BootAsync();
        var mark = first.LastSequence;

        await first.SendRawAsync(DataTransferOf(OneMiB, "at-limit")).OrTimeout();
        var answer = await first.WaitForFrameAsync(mark, f => f.Direction == FrameDirection.Received && f.MessageId == "at-limit").OrTimeout();
        Assert.Equal(MessageTypeId.CallResult, answer.MessageType);

        await first.SendRawAsync(DataTransferOf(OneMiB + 1, "above-limit")).OrTimeout();
        await first.WaitForDisconnectAsync().OrTimeout();
        var closed = await harness.Logs.WaitForAsync(e => e.EventId.Id == 116);
        Assert.Contains($"exceeded {OneMiB} bytes", closed.Message, StringComparison.Ordinal);

        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(1));
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        await second.WaitForFirstCallAsync<StatusNotificationRequest>().OrTimeout();
        Assert.DoesNotContain(first.Frames, f => f.MessageId == "above-limit" && f.Direction == FrameDirection.Received);
    }

    // A DataTransfer CALL of exactly totalBytes bytes (its data has no length limit in the schema).
    private static string DataTransferOf(int totalBytes, string messageId)
    {
        var head = $"[2,\"{messageId}\",\"DataTransfer\",{{\"vendorId\":\"com.example\",\"data\":\"";
        const string tail = "\"}]";
        return head + new string('x', totalBytes - head.Length - tail.Length) + tail;
    }
}
