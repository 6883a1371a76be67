using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Station.Testing;

/// <summary>
/// A TCP relay between the station and the Central System that a test can cut and restore, like
/// pulling and re-plugging the station's network cable: cutting drops every open connection and
/// refuses new ones; restoring accepts again on the same port.
/// </summary>
public sealed class NetworkLink : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Relay, byte> _relays = new();
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private NetworkLink(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    /// <summary>The port the station dials.</summary>
    public int Port { get; }

    /// <summary>Whether the link carries traffic.</summary>
    public bool IsUp => _listener is not null;

    /// <summary>Starts relaying from a free loopback port to <paramref name="targetPort"/>.</summary>
    public static NetworkLink Start(int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var link = new NetworkLink(new IPEndPoint(IPAddress.Loopback, targetPort), port);
        link.Restore();
        return link;
    }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting.ConfigureAwait(false);
        foreach (var relay in _relays.Keys)
        {
            relay.Drop();
        }
    }

    /// <summary>Accepts connections again.</summary>
    public void Restore()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        await CutAsync().ConfigureAwait(false);
        _disposed.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_disposed.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target, _disposed.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            var relay = new Relay(client, upstream);
            _relays[relay] = 0;
            _ = relay.RunAsync().ContinueWith(_ => _relays.TryRemove(relay, out var _), TaskScheduler.Default);
        }
    }

    private sealed class Relay(TcpClient downstream, TcpClient upstream)
    {
        public async Task RunAsync()
        {
            using (downstream)
            using (upstream)
            {
                var a = PumpAsync(downstream.GetStream(), upstream.GetStream());
                var b = PumpAsync(upstream.GetStream(), downstream.GetStream());
                await Task.WhenAny(a, b).ConfigureAwait(false);
                Drop();
                await Task.WhenAll(a, b).ConfigureAwait(false);
            }
        }

        // A cut cable: both ends see the connection reset, nobody gets a close handshake.
        public void Drop()
        {
            foreach (var client in new[] { downstream, upstream })
            {
                try
                {
                    if (client.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                        socket.Close();
                    }
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                }
            }
        }

        private static async Task PumpAsync(NetworkStream from, NetworkStream to)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
