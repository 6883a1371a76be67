using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Host.Demo;

/// <summary>What the demo session did, computed from the frames the Central System recorded and the station's round-trip times.</summary>
public sealed record DemoSummary
{
    /// <summary>Every transaction, in the order they started.</summary>
    public required IReadOnlyList<DemoTransaction> Transactions { get; init; }

    /// <summary>Every frame between the Central System and the station, in order, exactly as it travelled.</summary>
    public required IReadOnlyList<RecordedFrame> Frames { get; init; }

    /// <summary>The station's CALLs (Charge Point → Central System), timed at the station.</summary>
    public required RoundTripStats StationCalls { get; init; }

    /// <summary>The Central System's CALLs to the station, timed at the Central System.</summary>
    public required RoundTripStats CentralSystemCalls { get; init; }

    /// <summary>From sending RemoteStartTransaction to receiving the StartTransaction it caused; null without one.</summary>
    public TimeSpan? RemoteStartToStartTransaction { get; init; }

    /// <summary>From sending RemoteStopTransaction to receiving the StopTransaction it caused; null without one.</summary>
    public TimeSpan? RemoteStopToStopTransaction { get; init; }

    /// <summary>The whole demo, from starting the Central System to the station's stop.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The energy of all transactions, in Wh.</summary>
    public int EnergyWh => Transactions.Sum(t => t.EnergyWh);

    /// <summary>The CALLs the station sent.</summary>
    public int StationCallCount => Frames.Count(f => f.IsCall(FrameDirection.Received));

    /// <summary>The CALLs the Central System sent.</summary>
    public int CentralSystemCallCount => Frames.Count(f => f.IsCall(FrameDirection.Sent));

    /// <summary>The CALLERRORs either side sent.</summary>
    public int CallErrorCount => Frames.Count(f => f.MessageType == MessageTypeId.CallError);

    /// <summary>Computes the summary from the Central System's record of one station's session.</summary>
    public static DemoSummary From(IReadOnlyList<RecordedFrame> frames, IReadOnlyList<RoundTrip> stationRoundTrips, TimeSpan duration) => new()
    {
        Transactions = TransactionsIn(frames),
        Frames = frames,
        StationCalls = RoundTripStats.Of([.. stationRoundTrips.Select(r => r.Elapsed)]),
        CentralSystemCalls = RoundTripStats.Of([.. CentralSystemRoundTrips(frames)]),
        RemoteStartToStartTransaction = Between<RemoteStartTransactionRequest, StartTransactionRequest>(
            frames, (remote, start) => string.Equals(remote.IdTag, start.IdTag, StringComparison.OrdinalIgnoreCase)),
        RemoteStopToStopTransaction = Between<RemoteStopTransactionRequest, StopTransactionRequest>(frames, (remote, stop) => remote.TransactionId == stop.TransactionId),
        Duration = duration,
    };

    private static List<DemoTransaction> TransactionsIn(IReadOnlyList<RecordedFrame> frames)
    {
        var transactions = new List<DemoTransaction>();
        foreach (var startFrame in frames.Where(f => f.IsCall(FrameDirection.Received) && f.Payload is StartTransactionRequest))
        {
            var start = (StartTransactionRequest)startFrame.Payload!;
            if (AnswerTo(frames, startFrame)?.Payload is not StartTransactionResponse answer)
            {
                continue;
            }

            var id = answer.TransactionId;
            var stop = frames.Where(f => f.IsCall(FrameDirection.Received)).Select(f => f.Payload).OfType<StopTransactionRequest>().FirstOrDefault(s => s.TransactionId == id);
            var remote = frames.TakeWhile(f => f != startFrame).Any(f =>
                f.IsCall(FrameDirection.Sent) && f.Payload is RemoteStartTransactionRequest r && string.Equals(r.IdTag, start.IdTag, StringComparison.OrdinalIgnoreCase));
            var meterValues = frames.Count(f => f.IsCall(FrameDirection.Received) && f.Payload is MeterValuesRequest m && m.TransactionId == id);
            transactions.Add(new DemoTransaction(
                id, start.ConnectorId, start.IdTag, remote, start.MeterStart, stop?.MeterStop, stop?.Timestamp - start.Timestamp, stop is null ? null : stop.Reason ?? Reason.Local, meterValues));
        }

        return transactions;
    }

    private static IEnumerable<TimeSpan> CentralSystemRoundTrips(IReadOnlyList<RecordedFrame> frames) =>
        frames.Where(f => f.IsCall(FrameDirection.Sent)).Select(call => AnswerTo(frames, call)?.Timestamp - call.Timestamp).OfType<TimeSpan>();

    // The CALLRESULT or CALLERROR with the CALL's message id, travelling the other way.
    private static RecordedFrame? AnswerTo(IReadOnlyList<RecordedFrame> frames, RecordedFrame call) =>
        frames.FirstOrDefault(f => f.Sequence > call.Sequence
            && f.Direction != call.Direction
            && f.MessageType is MessageTypeId.CallResult or MessageTypeId.CallError
            && string.Equals(f.MessageId, call.MessageId, StringComparison.Ordinal));

    // From the Central System's CALL to the first station CALL it caused, as the certification lab measured.
    private static TimeSpan? Between<TCause, TEffect>(IReadOnlyList<RecordedFrame> frames, Func<TCause, TEffect, bool> caused)
        where TCause : class, IOcppRequest
        where TEffect : class, IOcppRequest
    {
        var cause = frames.FirstOrDefault(f => f.IsCall(FrameDirection.Sent) && f.Payload is TCause);
        var effect = cause is null ? null : frames.FirstOrDefault(f =>
            f.Sequence > cause.Sequence && f.IsCall(FrameDirection.Received) && f.Payload is TEffect e && caused((TCause)cause.Payload!, e));
        return effect is null ? null : effect.Timestamp - cause!.Timestamp;
    }
}
