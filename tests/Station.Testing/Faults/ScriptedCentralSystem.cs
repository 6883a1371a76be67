using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Station.Testing.Faults;

/// <summary>
/// A Central System that misbehaves on purpose: a raw WebSocket server on loopback whose every
/// answer a test can script (a CALLERROR, no answer, a late one, one sent twice, one that breaks
/// its schema, half a frame and a dead socket) while it keeps reading the station, so it can
/// also call the station while the station's own CALL waits. Unscripted CALLs get the built-in
/// Central System's default answers. Scripts run outside the receive loop, one task per CALL.
/// </summary>
public sealed class ScriptedCentralSystem : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _output;
    private readonly ConcurrentDictionary<string, Func<ScriptedCall, Task>> _scripts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<ScriptedConnection> _connections = [];
    private readonly List<ScriptedCall> _calls = [];
    private readonly List<Task> _work = [];
    private readonly CancellationTokenSource _disposed = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _accepting = Task.CompletedTask;
    private int _lastTransactionId;

    private ScriptedCentralSystem(TimeProvider clock, Action<string>? output)
    {
        _clock = clock;
        _output = output;
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    /// <summary>The URL to give the station; it appends its id.</summary>
    public Uri Endpoint => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ocpp");

    /// <summary>The connections so far, in order.</summary>
    public IReadOnlyList<ScriptedConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Starts listening on a free loopback port.</summary>
    public static ScriptedCentralSystem Start(TimeProvider clock, Action<string>? output = null)
    {
        var server = new ScriptedCentralSystem(clock, output);
        server._listener.Start();
        server._accepting = server.AcceptAsync();
        return server;
    }

    /// <summary>From now on, CALLs of <paramref name="action"/> run <paramref name="script"/> instead of the default answer.</summary>
    public void Script(string action, Func<ScriptedCall, Task> script) => _scripts[action] = script;

    /// <summary>CALLs of <paramref name="action"/> get the default answer again.</summary>
    public void Unscript(string action) => _scripts.TryRemove(action, out _);

    /// <summary>The transactionId the next default StartTransaction answer gives.</summary>
    public int NextTransactionId() => Interlocked.Increment(ref _lastTransactionId);

    /// <summary>Every CALL of <paramref name="action"/> received so far, over all connections, in order.</summary>
    public IReadOnlyList<ScriptedCall> Calls(string action)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Action == action)];
        }
    }

    /// <summary>Waits until <paramref name="count"/> CALLs of <paramref name="action"/> (matching, if given) have arrived; returns them.</summary>
    public async Task<IReadOnlyList<ScriptedCall>> WaitForCallsAsync(string action, int count, Func<ScriptedCall, bool>? predicate = null)
    {
        IReadOnlyList<ScriptedCall> found = [];
        await WaitUntilAsync(() => (found = [.. Calls(action).Where(c => predicate?.Invoke(c) ?? true)]).Count >= count).ConfigureAwait(false);
        return found;
    }

    /// <summary>Waits for connection number <paramref name="number"/> (from 1).</summary>
    public async Task<ScriptedConnection> WaitForConnectionAsync(int number)
    {
        await WaitUntilAsync(() => Connections.Count >= number).ConfigureAwait(false);
        return Connections[number - 1];
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in Connections)
        {
            connection.Drop();
        }

        Task[] work;
        lock (_gate)
        {
            work = [.. _work];
        }

        await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System).ConfigureAwait(false);
        _disposed.Dispose();
    }

    /// <summary>The answer the built-in Central System gives by default.</summary>
    internal string DefaultAnswer(ScriptedCall call)
    {
        var now = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return call.Action switch
        {
            "BootNotification" => $$"""{"status":"Accepted","currentTime":"{{now}}","interval":60}""",
            "Heartbeat" => $$"""{"currentTime":"{{now}}"}""",
            "Authorize" => """{"idTagInfo":{"status":"Accepted"}}""",
            "StartTransaction" => $$$"""{"transactionId":{{{NextTransactionId()}}},"idTagInfo":{"status":"Accepted"}}""",
            "DataTransfer" => """{"status":"Accepted"}""",
            _ => "{}",
        };
    }

    internal DateTimeOffset Now => _clock.GetUtcNow();

    internal void Output(string line) => _output?.Invoke(line);

    internal void Received(ScriptedCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }

        var script = _scripts.TryGetValue(call.Action, out var scripted) ? scripted : c => c.AnswerDefaultAsync();
        Track(Task.Run(async () =>
        {
            try
            {
                await script(call).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.WebSockets.WebSocketException or OperationCanceledException or TimeoutException)
            {
                // The connection went away under the script: that is what many of these tests do.
                Output($"script of {call.Action} ended: {ex.Message}");
            }
        }));
        Changed();
    }

    internal void Changed()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            (changed, _changed) = (_changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        changed.TrySetResult();
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _work.RemoveAll(t => t.IsCompleted);
            _work.Add(task);
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            await changed.ConfigureAwait(false);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_disposed.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            try
            {
                await HandshakeAsync(client.GetStream()).WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
            {
                Output($"handshake failed: {ex.Message}");
                client.Dispose();
                continue;
            }

            ScriptedConnection connection;
            lock (_gate)
            {
                connection = new ScriptedConnection(this, client, _connections.Count + 1);
                _connections.Add(connection);
            }

            Output($"connection {connection.Number} open");
            Track(connection.RunAsync());
            Changed();
        }
    }

    // RFC 6455 §4.2: the server's half of the opening handshake, with the subprotocol OCPP-J requires.
    private static async Task HandshakeAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(buffer).ConfigureAwait(false);
            request.Append((char)buffer[0]);
        }

        var key = request.ToString().Split("\r\n").FirstOrDefault(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("no Sec-WebSocket-Key");
#pragma warning disable CA5350 // RFC 6455 §4.2.2 prescribes SHA-1 for the handshake; it is not used for security here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key["Sec-WebSocket-Key:".Length..].Trim() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response)).ConfigureAwait(false);
    }
}
