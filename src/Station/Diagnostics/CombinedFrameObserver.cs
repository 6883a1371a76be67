using Ocpp16.Rpc;

namespace Station.Diagnostics;

/// <summary>Shows every frame to several observers (the trace and whatever the host gave), in order.</summary>
internal sealed class CombinedFrameObserver(IReadOnlyList<IFrameObserver> observers) : IFrameObserver
{
    /// <summary>One observer for all that are given; null when none is.</summary>
    public static IFrameObserver? Of(params IFrameObserver?[] observers)
    {
        var present = observers.OfType<IFrameObserver>().ToList();
        return present.Count switch
        {
            0 => null,
            1 => present[0],
            _ => new CombinedFrameObserver(present),
        };
    }

    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        foreach (var observer in observers)
        {
            observer.OnFrame(direction, frame);
        }
    }
}
