using Ocpp16.Messages;

namespace Ocpp16.Rpc;

/// <summary>The one CALL awaiting its answer (OCPP-J allows a single outstanding CALL per side).</summary>
internal sealed class PendingCall(string messageId, OcppAction action)
{
    private readonly TaskCompletionSource<IOcppResponse> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string MessageId { get; } = messageId;

    public OcppAction Action { get; } = action;

    public Task<IOcppResponse> Answer => _answer.Task;

    public void Complete(IOcppResponse response) => _answer.TrySetResult(response);

    public void Fail(Exception exception) => _answer.TrySetException(exception);
}
