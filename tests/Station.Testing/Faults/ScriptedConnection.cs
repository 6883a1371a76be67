using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Station.Testing.Faults;

/// <summary>
/// One station connection of a <see cref="ScriptedCentralSystem"/>: its frames, what the script
/// sends on it (frames as they are, CALLs of the Central System, half a frame), and its end.
/// </summary>
public sealed class ScriptedConnection
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<ScriptedFrame> _frames = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonArray>> _calls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lastCallId;

    internal ScriptedConnection(ScriptedCentralSystem server, TcpClient client, int number)
    {
        Server = server;
        Number = number;
        _client = client;
        _stream = client.GetStream();
        _socket = WebSocket.CreateFromStream(_stream, new WebSocketCreationOptions { IsServer = true, SubProtocol = "ocpp1.6", KeepAliveInterval = TimeSpan.Zero });
    }

    /// <summary>The Central System it belongs to.</summary>
    public ScriptedCentralSystem Server { get; }

    /// <summary>1 for the first connection of the Central System, 2 for the next, ...</summary>
    public int Number { get; }

    /// <summary>Completes when the connection has ended, whoever ended it.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Every frame of this connection, in order.</summary>
    public IReadOnlyList<ScriptedFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Sends <paramref name="text"/> as one text message, as it is.</summary>
    public async Task SendTextAsync(string text)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            Record(fromStation: false, text);
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends a CALL and returns the payload of the station's CALLRESULT (a CALLERROR fails it with its code).</summary>
    public async Task<JsonObject> CallAsync(string action, string payloadJson)
    {
        var id = $"cs-{Interlocked.Increment(ref _lastCallId)}";
        var answer = new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        await SendTextAsync($"[2,\"{id}\",\"{action}\",{payloadJson}]").ConfigureAwait(false);
        var frame = await answer.Task.ConfigureAwait(false);
        return frame[0]!.GetValue<int>() == 3
            ? frame[2]!.AsObject()
            : throw new InvalidOperationException($"{action} answered with the CALLERROR {frame[2]}: {frame[3]}");
    }

    /// <summary>
    /// Sends the first <paramref name="bytes"/> bytes of <paramref name="text"/> in a text frame whose
    /// header announces all of it, then resets the TCP connection: the station never gets the rest.
    /// </summary>
    public async Task SendTruncatedAndDropAsync(string text, int bytes)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        if (payload.Length is < 126 or > ushort.MaxValue)
        {
            throw new ArgumentException("the frame must need the 16-bit length form", nameof(text));
        }

        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            Record(fromStation: false, $"{text[..bytes]}…(cut)");
            byte[] header = [0x81, 126, (byte)(payload.Length >> 8), (byte)payload.Length];
            await _stream.WriteAsync(header).ConfigureAwait(false);
            await _stream.WriteAsync(payload.AsMemory(0, bytes)).ConfigureAwait(false);
            await _stream.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }

        Drop();
    }

    /// <summary>Resets the TCP connection: no close handshake, as a cut cable or a crashed server.</summary>
    public void Drop()
    {
        try
        {
            if (_client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
        }
    }

    internal async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    OnMessage(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            Server.Output($"connection {Number} closed");
            foreach (var call in _calls.Values)
            {
                call.TrySetException(new IOException("the connection closed before the answer"));
            }

            _client.Dispose();
            _closed.TrySetResult();
            Server.Changed();
        }
    }

    private void OnMessage(string text)
    {
        Record(fromStation: true, text);
        JsonArray frame;
        try
        {
            frame = JsonNode.Parse(text)!.AsArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            Server.Output($"unreadable frame from the station: {text}");
            return;
        }

        var type = frame[0]!.GetValue<int>();
        var id = frame[1]!.GetValue<string>();
        if (type == 2)
        {
            Server.Received(new ScriptedCall(this, id, frame[2]!.GetValue<string>(), frame[3]!.AsObject()));
        }
        else if (_calls.TryRemove(id, out var call))
        {
            call.TrySetResult(frame);
        }
    }

    private void Record(bool fromStation, string text)
    {
        var frame = new ScriptedFrame(fromStation, text, Server.Now);
        lock (_gate)
        {
            _frames.Add(frame);
        }

        Server.Output($"#{Number} {frame}");
    }
}
