namespace Ocpp16.Rpc;

/// <summary>
/// Whether an incoming CALL is in its handler: OCTT's sequences (TC_018_1, SetConnectorUnavailable)
/// list a .conf before the messages its request causes, so a CALL of ours started meanwhile waits
/// until the CALLRESULT or CALLERROR is written. The receive loop handles one CALL at a time.
/// </summary>
internal sealed class IncomingCallGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _answering;

    /// <summary>An incoming CALL goes to its handler.</summary>
    public void Enter()
    {
        lock (_lock)
        {
            _answering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Its answer is written (or the connection closed): held CALLs may leave.</summary>
    public void Exit()
    {
        TaskCompletionSource? answering;
        lock (_lock)
        {
            (answering, _answering) = (_answering, null);
        }

        answering?.TrySetResult();
    }

    /// <summary>Completes once no incoming CALL waits for its answer; at once when none does.</summary>
    public Task WhenAnswered()
    {
        lock (_lock)
        {
            return _answering?.Task ?? Task.CompletedTask;
        }
    }
}
