using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Station.Testing.Faults;

/// <summary>
/// A hostile network between the station and the Central System: a TCP relay on loopback that adds
/// latency, limits bandwidth (a slow reader on the other side), resets a connection in the middle of
/// what it carries, silently stops forwarding (a half-open connection: both sockets stay open), and
/// goes down and up (refusing dials meanwhile). Real time: keep what a test spends in it short.
/// </summary>
public sealed class FaultyLink : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Relay, byte> _relays = new();
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private int _dials;
    private int _resetArmed;

    private FaultyLink(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    /// <summary>The port the station dials.</summary>
    public int Port { get; }

    /// <summary>Added to every chunk, each way.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Bytes per second each way; 0 is unlimited.</summary>
    public int BytesPerSecond { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int Dials => Volatile.Read(ref _dials);

    /// <summary>Starts relaying from a free loopback port to <paramref name="targetPort"/>.</summary>
    public static FaultyLink Start(int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var link = new FaultyLink(new IPEndPoint(IPAddress.Loopback, targetPort), port);
        link.Up();
        return link;
    }

    /// <summary>The next chunk of at least <paramref name="minimumBytes"/> the station sends is cut in half: its first half goes through, then both sides get a reset.</summary>
    public void ResetInNextStationChunk(int minimumBytes) => Volatile.Write(ref _resetArmed, minimumBytes);

    /// <summary>Every open connection stops carrying anything, silently: no reset, no close, the sockets stay open. New connections work.</summary>
    public void Blackhole()
    {
        foreach (var relay in _relays.Keys)
        {
            relay.Blackholed = true;
        }
    }

    /// <summary>The link goes down: every connection is reset and dials are refused.</summary>
    public async Task DownAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting.ConfigureAwait(false);
        foreach (var relay in _relays.Keys)
        {
            relay.Drop();
        }
    }

    /// <summary>The link is up: dials are accepted again on the same port.</summary>
    public void Up()
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
        await DownAsync().ConfigureAwait(false);
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

            Interlocked.Increment(ref _dials);
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

            var relay = new Relay(this, client, upstream);
            _relays[relay] = 0;
            _ = relay.RunAsync().ContinueWith(_ => _relays.TryRemove(relay, out var _), TaskScheduler.Default);
        }
    }

    private int TakeReset(int chunk)
    {
        var armed = Volatile.Read(ref _resetArmed);
        return armed > 0 && chunk >= armed && Interlocked.CompareExchange(ref _resetArmed, 0, armed) == armed ? chunk / 2 : -1;
    }

    private sealed class Relay(FaultyLink link, TcpClient downstream, TcpClient upstream)
    {
        public volatile bool Blackholed;

        public async Task RunAsync()
        {
            using (downstream)
            using (upstream)
            {
                var fromStation = PumpAsync(downstream.GetStream(), upstream.GetStream(), fromStation: true);
                var toStation = PumpAsync(upstream.GetStream(), downstream.GetStream(), fromStation: false);
                await Task.WhenAny(fromStation, toStation).ConfigureAwait(false);
                Drop();
                await Task.WhenAll(fromStation, toStation).ConfigureAwait(false);
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

        private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromStation)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var limit = link.BytesPerSecond;
                    var chunk = limit > 0 ? Math.Clamp(limit / 20, 1, buffer.Length) : buffer.Length;
                    var read = await from.ReadAsync(buffer.AsMemory(0, chunk)).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    if (Blackholed)
                    {
                        // Half-open: read on, so the sender sees nothing wrong, and deliver nothing.
                        continue;
                    }

                    if (link.Latency > TimeSpan.Zero)
                    {
                        await Task.Delay(link.Latency, TimeProvider.System).ConfigureAwait(false);
                    }

                    var cut = fromStation ? link.TakeReset(read) : -1;
                    await to.WriteAsync(buffer.AsMemory(0, cut >= 0 ? cut : read)).ConfigureAwait(false);
                    if (cut >= 0)
                    {
                        await to.FlushAsync().ConfigureAwait(false);
                        Drop();
                        return;
                    }

                    if (limit > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)read / limit), TimeProvider.System).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
