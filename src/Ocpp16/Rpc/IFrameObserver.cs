namespace Ocpp16.Rpc;

/// <summary>
/// Sees every frame of a connection as raw text, before it is parsed (received) or after it is
/// written (sent): for message traces, recorders and schema checks in tests.
/// </summary>
public interface IFrameObserver
{
    /// <summary>Called for each frame; must not block.</summary>
    void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame);
}
