using System.Net;
using System.Net.Sockets;
using Ocpp16.Transport;

namespace Station.Host.Fleet;

/// <summary>
/// One station's network, as the chaos sees it: while it is down, every dial of the station fails
/// as on an unreachable network (the station's back-off goes on as it would), and once it is up
/// again the next dial goes through.
/// </summary>
internal sealed class NetworkSwitch
{
    private volatile bool _down;

    public bool IsDown => _down;

    public void Down() => _down = true;

    public void Up() => _down = false;

    /// <summary>The fleet's adjustment of each dial: the network's state, then the source address; null when there is neither.</summary>
    public static Func<WebSocketClientOptions, WebSocketClientOptions>? Compose(NetworkSwitch? network, IPAddress? address) => (network, address) switch
    {
        (null, null) => null,
        (null, { } local) => options => options with { LocalAddress = local },
        ({ } net, var local) => options => net._down
            ? throw new SocketException((int)SocketError.NetworkUnreachable)
            : local is null ? options : options with { LocalAddress = local },
    };
}
