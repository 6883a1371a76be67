using System.Diagnostics;
using CentralSystem;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Takes the moment a frame is recorded at the Central System (its FrameRecorded event, raised on
/// the session's receive loop as the frame is read, before it is answered): the far end of a
/// "request sent → request received" measurement. Armed before the action that causes the frame.
/// </summary>
internal sealed class FrameProbe : IDisposable
{
    private readonly StationSession _session;
    private readonly Lock _gate = new();
    private Func<RecordedFrame, bool>? _match;
    private TaskCompletionSource<long>? _arrived;

    public FrameProbe(StationSession session)
    {
        _session = session;
        session.FrameRecorded += OnFrame;
    }

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the first matching frame recorded from now on.</summary>
    public Task<long> Arm(Func<RecordedFrame, bool> match)
    {
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_arrived is not null)
            {
                throw new InvalidOperationException("the probe is already armed");
            }

            (_match, _arrived) = (match, arrived);
        }

        return arrived.Task;
    }

    /// <summary>Disarms a probe whose frame will not come (the request was refused).</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            (_match, _arrived) = (null, null);
        }
    }

    public void Dispose() => _session.FrameRecorded -= OnFrame;

    /// <summary>A CALL from the station of <paramref name="action"/>.</summary>
    public static Func<RecordedFrame, bool> CallOf(string action) =>
        frame => frame.IsCall(Ocpp16.Rpc.FrameDirection.Received) && frame.Action == action;

    private void OnFrame(object? sender, RecordedFrame frame)
    {
        var now = Stopwatch.GetTimestamp();
        TaskCompletionSource<long>? arrived = null;
        lock (_gate)
        {
            if (_match is { } match && match(frame))
            {
                arrived = _arrived;
                (_match, _arrived) = (null, null);
            }
        }

        arrived?.TrySetResult(now);
    }
}
