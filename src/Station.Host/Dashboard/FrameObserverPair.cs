using Ocpp16.Rpc;

namespace Station.Host.Dashboard;

/// <summary>Passes every frame to two observers, in order (the demo's round-trip timer and its dashboard's log).</summary>
internal sealed class FrameObserverPair(IFrameObserver first, IFrameObserver second) : IFrameObserver
{
    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        first.OnFrame(direction, frame);
        second.OnFrame(direction, frame);
    }
}
