namespace Station.Testing;

/// <summary>
/// A TCP relay between the station and the Central System that a test can cut and restore, like
/// pulling and re-plugging the station's network cable: cutting drops every open connection and
/// refuses new ones; restoring accepts again on the same port.
/// </summary>
public sealed class NetworkLink : LoopbackRelay
{
    private NetworkLink(int targetPort)
        : base(targetPort)
    {
    }

    /// <summary>Starts relaying from a free loopback port to <paramref name="targetPort"/>.</summary>
    public static NetworkLink Start(int targetPort)
    {
        var link = new NetworkLink(targetPort);
        link.Restore();
        return link;
    }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public Task CutAsync() => CloseAsync();

    /// <summary>Accepts connections again.</summary>
    public void Restore() => Open();
}
