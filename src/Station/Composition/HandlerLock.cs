namespace Station.Composition;

/// <summary>How a handler of a Central System CALL is serialised with the rest of its station.</summary>
public enum HandlerLock
{
    /// <summary>It reads or changes block state: it runs under the station lock (see <see cref="Runtime.StationLock"/>).</summary>
    Station,

    /// <summary>It touches no block state, or guards its own (vendor DataTransfer): it runs beside the lock.</summary>
    None,
}
