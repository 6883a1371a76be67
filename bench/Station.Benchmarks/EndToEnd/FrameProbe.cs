using System.Diagnostics;
using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Rpc;

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
    private readonly List<(Func<RecordedFrame, bool> Match, TaskCompletionSource<long> Arrived)> _armed = [];

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
            _armed.Add((match, arrived));
        }

        return arrived.Task;
    }

    /// <summary>Disarms every probe whose frame will not come (the request was refused).</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }

    public void Dispose() => _session.FrameRecorded -= OnFrame;

    /// <summary>A CALL from the station of <paramref name="action"/>.</summary>
    public static Func<RecordedFrame, bool> CallOf(string action) =>
        frame => frame.IsCall(FrameDirection.Received) && frame.Action == action;

    /// <summary>The station's CALLRESULT to a CALL of <paramref name="action"/>.</summary>
    public static Func<RecordedFrame, bool> AnswerTo(string action) =>
        frame => frame.Direction == FrameDirection.Received && frame.MessageType == MessageTypeId.CallResult && frame.Action == action;

    private void OnFrame(object? sender, RecordedFrame frame)
    {
        var now = Stopwatch.GetTimestamp();
        List<TaskCompletionSource<long>>? arrived = null;
        lock (_gate)
        {
            for (var i = _armed.Count - 1; i >= 0; i--)
            {
                if (_armed[i].Match(frame))
                {
                    (arrived ??= []).Add(_armed[i].Arrived);
                    _armed.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in arrived ?? [])
        {
            waiter.TrySetResult(now);
        }
    }
}
