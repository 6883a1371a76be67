using Ocpp16.Messages;

namespace Ocpp16.Rpc;

/// <summary>
/// What a handler knows about the CALL it serves, and how it schedules work that must follow the
/// answer (a triggered message, the start of a remote transaction, a reboot).
/// </summary>
public sealed class IncomingCallContext
{
    private List<Func<CancellationToken, Task>>? _afterResponse;

    internal IncomingCallContext(string messageId, OcppAction action)
    {
        MessageId = messageId;
        Action = action;
    }

    /// <summary>The id of the CALL.</summary>
    public string MessageId { get; }

    /// <summary>The operation called.</summary>
    public OcppAction Action { get; }

    /// <summary>
    /// Runs <paramref name="work"/> once the CALLRESULT has been sent. Handlers never await their
    /// own outgoing CALLs: the answer to those arrives on the loop that is running the handler.
    /// </summary>
    public void AfterResponse(Func<CancellationToken, Task> work) => (_afterResponse ??= []).Add(work);

    internal IReadOnlyList<Func<CancellationToken, Task>> TakeAfterResponse()
    {
        var work = (IReadOnlyList<Func<CancellationToken, Task>>?)_afterResponse ?? [];
        _afterResponse = null;
        return work;
    }
}
