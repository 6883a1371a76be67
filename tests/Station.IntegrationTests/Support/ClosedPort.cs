using System.Net;
using System.Net.Sockets;

namespace Station.IntegrationTests.Support;

/// <summary>A loopback port nothing listens on (it was free a moment ago): connections to it are refused.</summary>
internal static class ClosedPort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
