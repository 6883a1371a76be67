using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;

namespace Station.IntegrationTests.Support;

/// <summary>Reading a session's record: what the station sent after a position, and in which order.</summary>
internal static class SessionFrames
{
    /// <summary>The station's CALLs of type <typeparamref name="T"/> after <paramref name="afterSequence"/>, in order.</summary>
    public static IReadOnlyList<T> CallsAfter<T>(this StationSession session, long afterSequence)
        where T : class, IOcppRequest =>
        [.. session.Frames.Where(f => f.Sequence > afterSequence && f.IsCall(FrameDirection.Received)).Select(f => f.Payload).OfType<T>()];

    /// <summary>The first CALL of type <typeparamref name="T"/> after <paramref name="afterSequence"/> that matches, with its position.</summary>
    public static async Task<(T Request, long Sequence)> NextCallAsync<T>(this StationSession session, long afterSequence, Func<T, bool>? predicate = null)
        where T : class, IOcppRequest
    {
        var frame = await session.WaitForFrameAsync(
            afterSequence, f => f.IsCall(FrameDirection.Received) && f.Payload is T request && (predicate is null || predicate(request))).OrTimeout();
        return ((T)frame.Payload!, frame.Sequence);
    }

    /// <summary>
    /// Sends a CALL and returns its answer with the position of the station's CALLRESULT, so a
    /// test can check that what follows came after the answer.
    /// </summary>
    public static async Task<(TResponse Answer, long AnswerSequence)> CallRecordedAsync<TResponse>(this StationSession session, IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse
    {
        var before = session.LastSequence;
        var answer = await session.CallAsync(request).OrTimeout();
        var action = OcppActions.ForRequest(request.GetType());
        var frame = session.Frames.First(f => f.Sequence > before && f.IsAnswerTo(action));
        return (answer, frame.Sequence);
    }

    /// <summary>
    /// Waits until everything the station queued before now has been sent: the station's own
    /// messages leave in order, so once a Heartbeat triggered now has arrived, nothing older is
    /// still on its way. Returns the Heartbeat's position. After BootAsync it also lets any
    /// second report of the boot statuses pass before a test starts counting.
    /// </summary>
    public static async Task<long> FenceAsync(this StationSession session)
    {
        var (_, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat });
        var (_, sequence) = await session.NextCallAsync<HeartbeatRequest>(answered);
        return sequence;
    }
}
