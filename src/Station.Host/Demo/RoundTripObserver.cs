using Ocpp16.Framing;
using Ocpp16.Rpc;

namespace Station.Host.Demo;

/// <summary>
/// Times the station's own CALLs from the station's side of the connection: from the moment a
/// CALL is written until its answer is read. The Central System's record cannot show this; it
/// sees only its own answering time.
/// </summary>
internal sealed class RoundTripObserver(TimeProvider timeProvider) : IFrameObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Action, long SentAt)> _pending = new(StringComparer.Ordinal);
    private readonly List<RoundTrip> _completed = [];
    private TaskCompletionSource? _answered;

    /// <summary>The answered CALLs so far, in the order their answers arrived.</summary>
    public IReadOnlyList<RoundTrip> Completed
    {
        get
        {
            lock (_gate)
            {
                return [.. _completed];
            }
        }
    }

    /// <summary>Completes once every CALL the station sent so far has its answer.</summary>
    public Task WaitUntilAnsweredAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return Task.CompletedTask;
            }

            _answered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _answered.Task.WaitAsync(cancellationToken);
        }
    }

    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        var now = timeProvider.GetTimestamp();
        var read = FrameReader.Read(frame.ToArray());
        if (!read.IsValid)
        {
            return;
        }

        lock (_gate)
        {
            if (direction == FrameDirection.Sent && read.MessageType == MessageTypeId.Call)
            {
                _pending[read.MessageId!] = (read.Frame.Action!, now);
            }
            else if (direction == FrameDirection.Received
                && read.MessageType is MessageTypeId.CallResult or MessageTypeId.CallError
                && _pending.Remove(read.MessageId!, out var call))
            {
                _completed.Add(new RoundTrip(call.Action, timeProvider.GetElapsedTime(call.SentAt, now)));
                if (_pending.Count == 0 && _answered is { } answered)
                {
                    _answered = null;
                    answered.TrySetResult();
                }
            }
        }
    }
}
