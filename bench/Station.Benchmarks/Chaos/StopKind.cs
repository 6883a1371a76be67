namespace Station.Benchmarks.Chaos;

/// <summary>How the driver ends a charging session, and the StopTransaction reason it must give.</summary>
internal enum StopKind
{
    /// <summary>The stop button: reason Local.</summary>
    StopButton,

    /// <summary>The same card again: reason Local.</summary>
    SameCard,

    /// <summary>The EV unplugged while charging: reason EVDisconnected.</summary>
    Unplug,
}
