using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Transport;

namespace Ocpp16.Rpc;

/// <summary>
/// One OCPP-J connection, either side: sends CALLs and matches their answers, answers incoming
/// CALLs through a <see cref="CallRouter"/>, and turns every malformed frame into the right
/// CALLERROR without closing the connection. A CALL of ours started while an incoming CALL is in
/// its handler leaves after that CALL's answer (<see cref="IncomingCallGate"/>). It only moves
/// frames; it holds no station state.
/// </summary>
public sealed class RpcConnection : IAsyncDisposable
{
    private readonly IOcppTransport _transport;
    private readonly CallRouter _router;
    private readonly RpcOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IFrameObserver? _observer;
    private readonly AnswerReader _answers;

    // OCPP-J §4.1.1: at most one CALL of ours awaits an answer; later calls queue here in order.
    private readonly SemaphoreSlim _callGate = new(1, 1);
    // Rented only while a frame is written and sent: an idle connection holds no buffer.
    private readonly PooledFrameBuffer _callBuffer = new();
    private readonly PooledFrameBuffer _answerBuffer = new();
    private readonly Lock _pendingLock = new();
    private PendingCall? _pending;
    private bool _closed;
    private readonly IncomingCallGate _incoming = new();
    private readonly RecentCallIds _recentCallIds = new();

    /// <summary>Creates the connection over an open transport; call <see cref="RunAsync"/> to start receiving.</summary>
    public RpcConnection(IOcppTransport transport, CallRouter router, RpcOptions options, TimeProvider timeProvider, ILogger logger, IFrameObserver? observer = null)
    {
        _transport = transport;
        _router = router;
        _options = options.Validate();
        _timeProvider = timeProvider;
        _logger = logger;
        _observer = observer;
        _answers = new AnswerReader(_options.StrictAnswers, logger);
    }

    /// <summary>False once the receive loop has ended.</summary>
    public bool IsOpen => !Volatile.Read(ref _closed);

    /// <summary>
    /// Receives and dispatches frames until the peer closes, the transport fails or
    /// <paramref name="cancellationToken"/> is cancelled. Then fails the outstanding CALL.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var reason = "closed by the peer";
        try
        {
            while (true)
            {
                // A buffer is taken only once a message starts to arrive, and given back after it was
                // handled: thousands of idle connections hold none between their messages.
                await _transport.WaitToReceiveAsync(cancellationToken).ConfigureAwait(false);
                var buffer = ReceiveBuffers.Rent();
                try
                {
                    if (!await _transport.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    Observe(FrameDirection.Received, buffer.WrittenSpan);
                    await DispatchAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    ReceiveBuffers.Return(buffer);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "closed locally";
        }
        catch (MessageTooLargeException ex)
        {
            RpcLog.MessageTooLarge(_logger, ex.Limit);
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OcppNotConnectedException)
        {
            // The peer vanished, possibly while we were answering it.
            reason = ex.Message;
        }
        finally
        {
            Close(reason);
        }
    }

    /// <summary>Sends a CALL and waits for its answer.</summary>
    /// <exception cref="OcppCallErrorException">The peer answered with a CALLERROR.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within the response timeout.</exception>
    /// <exception cref="OcppNotConnectedException">The connection is closed, or closed while waiting.</exception>
    /// <exception cref="OcppProtocolException">The answer breaks the schema.</exception>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse =>
        (TResponse)await CallAsync(OcppActions.ForRequest(request.GetType()), request, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a CALL of <paramref name="action"/> and waits for its answer.</summary>
    public async Task<IOcppResponse> CallAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken = default)
    {
        await _callGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        PendingCall? pending = null;
        try
        {
            ThrowIfClosed();
            pending = new PendingCall(Guid.NewGuid().ToString("N"), action);
            FrameWriter.WriteCall(_callBuffer, pending.MessageId, action, request);
            await WaitForAnswerOfIncomingCallAsync(action, cancellationToken).ConfigureAwait(false);
            lock (_pendingLock)
            {
                // Checked under the lock that Close takes, so a closing connection cannot strand this call.
                ThrowIfClosed();
                _pending = pending;
            }

            try
            {
                await SendAsync(_callBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _callBuffer.Release();
            }

            try
            {
                return await pending.Answer.WaitAsync(_options.ResponseTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new OcppCallTimeoutException(action.Name, _options.ResponseTimeout);
            }
        }
        finally
        {
            lock (_pendingLock)
            {
                if (_pending == pending)
                {
                    _pending = null;
                }
            }

            // Written but never sent (closed, cancelled, not encodable): the buffer goes back all the same.
            _callBuffer.Release();
            _callGate.Release();
        }
    }

    /// <summary>Closes the connection; the receive loop then ends.</summary>
    public async Task CloseAsync(string reason, CancellationToken cancellationToken = default)
    {
        await _transport.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        Close(reason);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // The call gate is not disposed: a CallAsync still unwinding releases it afterwards.
        Close("disposed");
        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    private async Task DispatchAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var read = FrameReader.Read(message);
        if (!read.IsValid)
        {
            await RefuseAsync(read, cancellationToken).ConfigureAwait(false);
            return;
        }

        var frame = read.Frame;
        switch (frame.MessageType)
        {
            case MessageTypeId.Call:
                _incoming.Enter();
                try
                {
                    await AnswerCallAsync(frame, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _incoming.Exit();
                }

                break;
            case MessageTypeId.CallResult:
                CompletePending(frame);
                break;
            default:
                FailPending(frame);
                break;
        }
    }

    // Handlers never await their own outgoing CALLs (their answers arrive on this loop), so the hold
    // ends; it is bounded by the response timeout all the same: a handler breaking that rule costs
    // a timeout, never a deadlock.
    private async Task WaitForAnswerOfIncomingCallAsync(OcppAction action, CancellationToken cancellationToken)
    {
        var answered = _incoming.WhenAnswered();
        if (answered.IsCompleted)
        {
            return;
        }

        try
        {
            await answered.WaitAsync(_options.ResponseTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            RpcLog.HeldTooLong(_logger, action.Name, _options.ResponseTimeout.TotalSeconds);
            throw new OcppCallTimeoutException(action.Name, _options.ResponseTimeout);
        }

        ThrowIfClosed();
    }

    private async Task RefuseAsync(FrameReadResult read, CancellationToken cancellationToken)
    {
        ReportInvalid($"{read.ErrorCode}: {read.Error}");
        if (read.MessageId is null)
        {
            // Without an id no answer can be correlated: OCPP-J leaves nothing to do but log it.
            RpcLog.DroppedUnreadableFrame(_logger, read.ErrorCode, read.Error);
            return;
        }

        if (read.MessageType is MessageTypeId.CallResult or MessageTypeId.CallError)
        {
            // Answers are never answered; a broken answer fails the call it belongs to.
            RpcLog.InvalidAnswer(_logger, read.MessageType, read.MessageId, read.Error);
            TakePending(read.MessageId, read.MessageType.Value)?.Fail(
                new OcppProtocolException("answer", new Json.PayloadError(read.ErrorCode, read.Error)));
            return;
        }

        if (!_router.IsAnswering())
        {
            RpcLog.NotAnsweringRefusedCall(_logger, read.MessageId, read.ErrorCode, read.Error);
            return;
        }

        RpcLog.RefusedCall(_logger, read.ErrorCode, read.Error, read.MessageId);
        await SendErrorAsync(read.MessageId, read.ErrorCode, read.Error, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerCallAsync(Frame frame, CancellationToken cancellationToken)
    {
        var actionName = frame.Action!;
        if (!_router.IsAnswering())
        {
            RpcLog.NotAnswering(_logger, actionName, frame.MessageId);
            return;
        }

        if (_router.RepeatedCall is { } repeated && !_recentCallIds.Add(frame.MessageId))
        {
            ReportRepeated(repeated, frame.MessageId, actionName);
            await RefusePayloadAsync(
                frame, actionName, OcppErrorCode.SecurityError, $"message id '{frame.MessageId}' was used before on this connection: refused as a replay", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (!OcppActions.TryGet(actionName, out var action))
        {
            ReportInvalid($"a CALL of the unknown action '{actionName}'");
            await RefusePayloadAsync(frame, actionName, OcppErrorCode.NotImplemented, $"unknown action '{actionName}'", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_router.TryGet(action, out var handler))
        {
            await RefusePayloadAsync(frame, actionName, OcppErrorCode.NotSupported, $"{actionName} is not supported", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!action.Request.TryRead(frame.Payload.Span, out var request, out var payloadError))
        {
            ReportInvalid($"{actionName}: {payloadError.Code}: {payloadError.Description}");
            await RefusePayloadAsync(frame, actionName, payloadError.Code, payloadError.Description, cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = new IncomingCallContext(frame.MessageId, action);
        IOcppResponse response;
        try
        {
            response = await handler((IOcppRequest)request, context, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppCallErrorException ex)
        {
            await RefusePayloadAsync(frame, actionName, ex.ErrorCode, ex.Description, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RpcLog.HandlerFailed(_logger, actionName, ex);
            await SendErrorAsync(frame.MessageId, OcppErrorCode.InternalError, $"{actionName} could not be processed", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            FrameWriter.WriteCallResult(_answerBuffer, frame.MessageId, action, response);
        }
        catch (Exception ex) when (ex is Json.OcppJsonException or System.Text.Json.JsonException)
        {
            _answerBuffer.Release();
            RpcLog.HandlerFailed(_logger, actionName, ex);
            await SendErrorAsync(frame.MessageId, OcppErrorCode.InternalError, $"the answer to {actionName} could not be encoded", cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendAnswerAsync(cancellationToken).ConfigureAwait(false);
        foreach (var work in context.TakeAfterResponse())
        {
            if (_router.AfterResponseRunner is { } runner)
            {
                runner($"after the answer to {actionName}", work);
            }
            else
            {
                _ = RunAfterResponseAsync(actionName, work, cancellationToken);
            }
        }
    }

    private async Task RunAfterResponseAsync(string action, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            // Off the receive loop: the work may send CALLs whose answers this loop must receive.
            await Task.Run(() => work(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            RpcLog.AfterResponseFailed(_logger, action, ex);
        }
    }

    private async Task RefusePayloadAsync(Frame frame, string action, OcppErrorCode code, string description, CancellationToken cancellationToken)
    {
        RpcLog.RefusedPayload(_logger, action, frame.MessageId, code, description);
        await SendErrorAsync(frame.MessageId, code, description, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendErrorAsync(string messageId, OcppErrorCode code, string description, CancellationToken cancellationToken)
    {
        FrameWriter.WriteCallError(_answerBuffer, messageId, code, description);
        await SendAnswerAsync(cancellationToken).ConfigureAwait(false);
    }

    // Answers go out from the receive loop one at a time, so one buffer serves them all.
    private async Task SendAnswerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(_answerBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _answerBuffer.Release();
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        // Observed before sending, so a recorder never sees an answer ahead of its call.
        Observe(FrameDirection.Sent, frame.Span);
        try
        {
            await _transport.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            Close(ex.Message);
            throw new OcppNotConnectedException($"sending failed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A WebSocket aborted while a send is under way (its receive failed on a reset, or was cancelled to close it)
            // reports the failed write as a cancellation nobody asked for. It is a lost connection: let it escape as a
            // cancellation and the loop that sent it (the outbox, the outgoing queue) ends, silently, for good.
            var reason = ex.InnerException?.Message ?? ex.Message;
            Close(reason);
            throw new OcppNotConnectedException($"sending failed: {reason}", ex);
        }
    }

    private void ReportInvalid(string description)
    {
        try
        {
            _router.InvalidMessage?.Invoke(description);
        }
        catch (Exception ex)
        {
            // Like an observer: reporting must never take the connection down.
            RpcLog.InvalidMessageHandlerFailed(_logger, ex);
        }
    }

    private void ReportRepeated(Action<string, string> repeated, string messageId, string action)
    {
        try
        {
            repeated(messageId, action);
        }
        catch (Exception ex)
        {
            RpcLog.RepeatedCallHandlerFailed(_logger, ex);
        }
    }

    private void Observe(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        try
        {
            _observer?.OnFrame(direction, frame);
        }
        catch (Exception ex)
        {
            // A trace or recorder must never take the connection down.
            RpcLog.ObserverFailed(_logger, ex);
        }
    }

    private void CompletePending(Frame frame)
    {
        var pending = TakePending(frame.MessageId, MessageTypeId.CallResult);
        if (pending is null)
        {
            return;
        }

        if (_answers.TryRead(pending.Action, frame.MessageId, frame.Payload.Span, out var response, out var error))
        {
            pending.Complete(response);
        }
        else
        {
            RpcLog.InvalidAnswer(_logger, MessageTypeId.CallResult, frame.MessageId, error.Description);
            ReportInvalid($"the answer to {pending.Action.Name}: {error.Code}: {error.Description}");
            pending.Fail(new OcppProtocolException(pending.Action.Name, error));
        }
    }

    private void FailPending(Frame frame) =>
        TakePending(frame.MessageId, MessageTypeId.CallError)?.Fail(new OcppCallErrorException(frame.ErrorCode!, frame.ErrorDescription!));

    private PendingCall? TakePending(string messageId, MessageTypeId messageType)
    {
        lock (_pendingLock)
        {
            if (_pending is { } pending && pending.MessageId == messageId)
            {
                _pending = null;
                return pending;
            }
        }

        RpcLog.UnknownMessageId(_logger, messageType, messageId);
        return null;
    }

    private void Close(string reason)
    {
        PendingCall? pending;
        lock (_pendingLock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            (pending, _pending) = (_pending, null);
        }

        // A CALL held for the answer of an incoming CALL learns of the close at once.
        _incoming.Exit();

        RpcLog.ConnectionClosed(_logger, reason);
        pending?.Fail(new OcppNotConnectedException($"the connection closed before the answer: {reason}"));
    }

    private void ThrowIfClosed()
    {
        if (Volatile.Read(ref _closed))
        {
            throw new OcppNotConnectedException("the connection is closed");
        }
    }
}
