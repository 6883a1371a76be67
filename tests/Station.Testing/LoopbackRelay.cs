using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Station.Testing;

/// <summary>
/// A TCP relay on loopback between the station and the Central System that can be taken down
/// (every connection reset, dials refused) and brought up again on the same port. The common part
/// of <see cref="NetworkLink"/> (a cable to pull) and <c>Faults.FaultyLink</c> (a hostile network):
/// they differ only in what a connection does with the bytes it carries (<see cref="PumpAsync"/>).
/// </summary>
public abstract class LoopbackRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<RelayedConnection, byte> _connections = new();
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private int _dials;

    /// <summary>Relays a free loopback port to <paramref name="targetPort"/>; call <see cref="Open"/> to accept.</summary>
    protected LoopbackRelay(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    /// <summary>The port the station dials.</summary>
    public int Port { get; }

    /// <summary>Whether the relay accepts dials.</summary>
    public bool IsUp => _listener is not null;

    /// <summary>Connections accepted so far.</summary>
    public int Dials => Volatile.Read(ref _dials);

    /// <summary>The connections open now.</summary>
    protected IEnumerable<RelayedConnection> Connections => _connections.Keys;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Accepts dials (again) on <see cref="Port"/>.</summary>
    protected void Open()
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

    /// <summary>Refuses dials and resets every open connection.</summary>
    protected async Task CloseAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            connection.Drop();
        }
    }

    /// <summary>
    /// Carries one direction of <paramref name="connection"/> until its source ends (return) or
    /// fails (an IOException, SocketException or ObjectDisposedException: the relay treats it as the end).
    /// </summary>
    protected virtual async Task PumpAsync(RelayedConnection connection, NetworkStream from, NetworkStream to, bool fromStation)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
        }
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

            var connection = new RelayedConnection(client, upstream);
            _connections[connection] = 0;
            _ = RunAsync(connection).ContinueWith(_ => _connections.TryRemove(connection, out var _), TaskScheduler.Default);
        }
    }

    private async Task RunAsync(RelayedConnection connection)
    {
        using (connection)
        {
            var fromStation = GuardedPumpAsync(connection, connection.Station, connection.CentralSystem, fromStation: true);
            var toStation = GuardedPumpAsync(connection, connection.CentralSystem, connection.Station, fromStation: false);
            await Task.WhenAny(fromStation, toStation).ConfigureAwait(false);
            connection.Drop();
            await Task.WhenAll(fromStation, toStation).ConfigureAwait(false);
        }
    }

    private async Task GuardedPumpAsync(RelayedConnection connection, NetworkStream from, NetworkStream to, bool fromStation)
    {
        try
        {
            await PumpAsync(connection, from, to, fromStation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
        }
    }
}
