using System.Net.Sockets;

namespace Station.Testing;

/// <summary>One connection a <see cref="LoopbackRelay"/> carries: the station's socket and the one to the Central System.</summary>
public sealed class RelayedConnection : IDisposable
{
    private readonly TcpClient _station;
    private readonly TcpClient _centralSystem;

    internal RelayedConnection(TcpClient station, TcpClient centralSystem)
    {
        _station = station;
        _centralSystem = centralSystem;
        Station = station.GetStream();
        CentralSystem = centralSystem.GetStream();
    }

    /// <summary>The station's side.</summary>
    public NetworkStream Station { get; }

    /// <summary>The Central System's side.</summary>
    public NetworkStream CentralSystem { get; }

    /// <summary>A cut cable: both ends see the connection reset, nobody gets a close handshake.</summary>
    public void Drop()
    {
        foreach (var client in new[] { _station, _centralSystem })
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

    /// <inheritdoc/>
    public void Dispose()
    {
        _station.Dispose();
        _centralSystem.Dispose();
    }
}
