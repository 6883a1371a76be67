using System.Text;
using Microsoft.Extensions.Logging;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace CentralSystem;

/// <summary>
/// Records every frame of one session in order, names the action of each answer, and completes
/// the waits that tests and tools put on the record.
/// </summary>
internal sealed class FrameRecorder : IFrameObserver
{
    // OCPP-J §4.1.1 allows one outstanding CALL per side; a peer that never answers must not
    // grow the tables of unanswered CALLs without bound.
    private const int MaxUnansweredCalls = 64;

    private readonly string _chargePointId;
    private readonly TimeProvider _timeProvider;
    private readonly int _historyLimit;
    private readonly Action<RecordedFrame> _onRecorded;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Queue<RecordedFrame> _history = new();
    private readonly WaitList<RecordedFrame> _waiters;
    private readonly Dictionary<string, OcppAction> _callsSent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OcppAction> _callsReceived = new(StringComparer.Ordinal);
    private long _lastSequence;
    private bool _historyFullLogged;
    private string? _endReason;

    public FrameRecorder(string chargePointId, TimeProvider timeProvider, int historyLimit, Action<RecordedFrame> onRecorded, ILogger logger)
    {
        _chargePointId = chargePointId;
        _timeProvider = timeProvider;
        _historyLimit = historyLimit;
        _onRecorded = onRecorded;
        _logger = logger;
        _waiters = new(_lock);
    }

    public long LastSequence
    {
        get
        {
            lock (_lock)
            {
                return _lastSequence;
            }
        }
    }

    public IReadOnlyList<RecordedFrame> Snapshot()
    {
        lock (_lock)
        {
            return [.. _history];
        }
    }

    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame) => Record(direction, frame);

    public void Record(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        // The observed span is the connection's buffer, reused after this call: copy it once.
        var bytes = frame.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        var read = FrameReader.Read(bytes);
        lock (_lock)
        {
            var recorded = RecordedFrame.Create(
                ++_lastSequence, _chargePointId, _timeProvider.GetUtcNow(), direction, text, read, NameAction(direction, read));
            Keep(recorded);
            _waiters.Offer(recorded);

            // Raised under the lock so that every observer sees the frames in sequence order,
            // even when an answer is sent while a CALL of ours is going out.
            _onRecorded(recorded);
        }
    }

    /// <summary>
    /// The first frame after <paramref name="afterSequence"/> that matches, from the kept history
    /// or as it arrives. Fails once the session has ended without one.
    /// </summary>
    public Task<RecordedFrame> WaitAsync(long afterSequence, Func<RecordedFrame, bool> predicate, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var frame in _history)
            {
                if (frame.Sequence > afterSequence && WaitList<RecordedFrame>.Settle(predicate, frame) is { } settled)
                {
                    return settled;
                }
            }

            if (_endReason is { } reason)
            {
                return Task.FromException<RecordedFrame>(Disconnected(reason));
            }

            return _waiters.Add(predicate, cancellationToken);
        }
    }

    /// <summary>Ends the record: no frame can follow, so pending waits fail now rather than at their timeout.</summary>
    public void End(string reason)
    {
        lock (_lock)
        {
            _endReason ??= reason;
            _waiters.FailAll(() => Disconnected(reason));
        }
    }

    private OcppNotConnectedException Disconnected(string reason) =>
        new($"station {_chargePointId} disconnected ({reason}) before a matching frame arrived");

    private void Keep(RecordedFrame frame)
    {
        if (_historyLimit == 0)
        {
            return;
        }

        if (_history.Count == _historyLimit)
        {
            _history.Dequeue();
            if (!_historyFullLogged)
            {
                _historyFullLogged = true;
                CentralSystemLog.FrameHistoryFull(_logger, _chargePointId, _historyLimit);
            }
        }

        _history.Enqueue(frame);
    }

    // The action a frame belongs to: a CALL names it; an answer inherits it from the CALL it
    // answers, which travelled the other way.
    private OcppAction? NameAction(FrameDirection direction, FrameReadResult read)
    {
        if (read.MessageId is not { } messageId)
        {
            return null;
        }

        var callsThisWay = direction == FrameDirection.Sent ? _callsSent : _callsReceived;
        var callsOtherWay = direction == FrameDirection.Sent ? _callsReceived : _callsSent;
        if (read.MessageType == MessageTypeId.Call)
        {
            if (read.IsValid && OcppActions.TryGet(read.Frame.Action!, out var action))
            {
                if (callsThisWay.Count >= MaxUnansweredCalls)
                {
                    callsThisWay.Clear();
                }

                callsThisWay[messageId] = action;
                return action;
            }

            return null;
        }

        return callsOtherWay.Remove(messageId, out var answered) ? answered : null;
    }
}
