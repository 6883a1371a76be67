namespace Station.Runtime;

/// <summary>
/// Where the station keeps the offset it learnt from the Central System's clock, so that a reset
/// or a power loss does not send it back to its own, possibly wrong, clock until the next
/// BootNotification (pitfall 7).
/// </summary>
public interface IClockStore
{
    /// <summary>The offset last saved, or null if the station never synchronised.</summary>
    TimeSpan? LoadOffset();

    /// <summary>Saves the offset.</summary>
    void SaveOffset(TimeSpan offset);
}
