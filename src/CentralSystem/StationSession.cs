using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Transport;

namespace CentralSystem;

/// <summary>
/// One charge point's connection: answers its CALLs (defaults, or the overrides set on the server
/// or on this session), sends it CALLs, records every frame in order and lets tests wait on that
/// record without sleeping.
/// </summary>
/// <remarks>
/// Waits come in three forms. <c>WaitFor…Async(predicate)</c> takes the next matching frame
/// recorded after the call: create it before the action that causes the frame.
/// <c>WaitForFirst…Async(predicate)</c> takes the first matching frame ever recorded on this
/// session (for the BootNotification that may arrive before the test holds the session).
/// <c>WaitFor…Async(afterSequence, predicate)</c> takes the first match after a position read
/// from <see cref="LastSequence"/> earlier: the race-free form of "from now on". Searches of the
/// past see only the kept history (<see cref="CentralSystemOptions.FrameHistoryLimit"/>). Every
/// wait fails with <see cref="OcppNotConnectedException"/> once the session has ended without a
/// match, rather than at the caller's timeout.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "The server owns and ends every session; its token sources hold no timers, and the transport is disposed when the receive loop ends.")]
public sealed class StationSession
{
    private readonly CentralSystemServer _server;
    private readonly IOcppTransport _transport;
    private readonly RpcConnection _connection;
    private readonly FrameRecorder _recorder;
    private HandlerTable? _overrides;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _closing = new();

    internal StationSession(string chargePointId, IPAddress? remoteAddress, IOcppTransport transport, CentralSystemServer server, ILogger logger, SessionSecurity? security = null)
    {
        ChargePointId = chargePointId;
        Security = security ?? new SessionSecurity();
        RemoteAddress = remoteAddress;
        _server = server;
        _transport = transport;
        _logger = logger;
        ConnectedAt = server.TimeProvider.GetUtcNow();
        var options = server.Options;
        _recorder = new FrameRecorder(chargePointId, server.TimeProvider, options.FrameHistoryLimit, OnRecorded, logger);
        var router = ChargePointCallRouter.Create(this, ResolveHandler);
        _connection = new RpcConnection(
            transport, router, new RpcOptions { ResponseTimeout = options.ResponseTimeout }, server.TimeProvider, new ChargePointLogger(logger, chargePointId), _recorder);
    }

    /// <summary>How the connection was secured: TLS version, cipher suite, client certificate, Basic user.</summary>
    public SessionSecurity Security { get; }

    /// <summary>Every frame recorded on this session, in order (called under the record's lock: keep it fast, never block).</summary>
    public event EventHandler<RecordedFrame>? FrameRecorded;

    /// <summary>The charge point identity from the connection URL, URL-decoded.</summary>
    public string ChargePointId { get; }

    /// <summary>Where the connection came from.</summary>
    public IPAddress? RemoteAddress { get; }

    /// <summary>When the connection was accepted, by the server's <see cref="System.TimeProvider"/>.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>False once the connection has closed; a reconnect of the same id is a new session.</summary>
    public bool IsConnected => _connection.IsOpen && !_ended.Task.IsCompleted;

    /// <summary>A snapshot of the recorded frames, in order (at most <see cref="CentralSystemOptions.FrameHistoryLimit"/>).</summary>
    public IReadOnlyList<RecordedFrame> Frames => _recorder.Snapshot();

    /// <summary>The <see cref="RecordedFrame.Sequence"/> of the last frame recorded, 0 before the first: a position to wait from.</summary>
    public long LastSequence => _recorder.LastSequence;

    /// <summary>
    /// Sends a Central System → Charge Point CALL and returns its answer. The usual OCPP-J rule
    /// holds: one CALL at a time, later ones queue.
    /// </summary>
    /// <exception cref="OcppCallErrorException">The station answered with a CALLERROR.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within <see cref="CentralSystemOptions.ResponseTimeout"/>.</exception>
    /// <exception cref="OcppNotConnectedException">The connection is closed, or closed before the answer.</exception>
    /// <exception cref="OcppProtocolException">The answer breaks its schema.</exception>
    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse =>
        _connection.CallAsync(request, cancellationToken);

    /// <summary>
    /// Sends a CALL of <paramref name="action"/> whose payload type is only known at run time (a
    /// tool's JSON), with the same rules and exceptions as <see cref="CallAsync{TResponse}"/>.
    /// </summary>
    public Task<IOcppResponse> CallAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        if (action.Direction == MessageDirection.ChargePointToCentralSystem || !action.Request.ClrType.IsInstanceOfType(request))
        {
            throw new ArgumentException($"{request.GetType().Name} is not a {action.Name} request the Central System can send", nameof(request));
        }

        return _connection.CallAsync(action, request, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="frameText"/> as it is, bypassing the codec, for malformed-frame tests.
    /// It is recorded like any frame; the station's answer to it is recorded too, but no
    /// <see cref="CallAsync"/> waits for that answer.
    /// </summary>
    public async Task SendRawAsync(string frameText, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(frameText);

        // Recorded before it is sent, as the connection does, so the answer never precedes it.
        _recorder.Record(FrameDirection.Sent, bytes);
        try
        {
            await _transport.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            throw new OcppNotConnectedException($"sending to station {ChargePointId} failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Closes the connection with a normal close handshake and waits until it has ended; aborts it
    /// when the station does not complete the handshake within <see cref="CentralSystemOptions.CloseTimeout"/>.
    /// </summary>
    public Task CloseAsync(CancellationToken cancellationToken = default) => CloseWithReasonAsync("closed by the Central System", cancellationToken);

    /// <summary>Completes when the connection has ended, whoever closed it.</summary>
    public Task WaitForDisconnectAsync(CancellationToken cancellationToken = default) => _ended.Task.WaitAsync(cancellationToken);

    /// <summary>Overrides this session's answer to <paramref name="action"/>; it wins over the server's and the default.</summary>
    public void Handle<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, Func<StationSession, TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        Overrides.Set(action, handler);

    /// <summary>
    /// Overrides this session's answer with an asynchronous handler. It runs on this session's
    /// receive loop: while it waits, this session receives nothing else (no answer to a CALL of
    /// ours either), other sessions are not affected.
    /// </summary>
    public void Handle<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action, Func<StationSession, TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        Overrides.Set(action, handler);

    /// <summary>Removes this session's override of <paramref name="action"/>.</summary>
    public void ResetHandler(OcppAction action) => _overrides?.Remove(action);

    /// <summary>Waits for the next matching CALL from the station recorded after this call.</summary>
    public Task<TRequest> WaitForCallAsync<TRequest>(Func<TRequest, bool>? predicate = null, CancellationToken cancellationToken = default)
        where TRequest : class, IOcppRequest =>
        WaitForCallAsync(LastSequence, predicate, cancellationToken);

    /// <summary>Waits for the first matching CALL from the station recorded after <paramref name="afterSequence"/>.</summary>
    public async Task<TRequest> WaitForCallAsync<TRequest>(long afterSequence, Func<TRequest, bool>? predicate = null, CancellationToken cancellationToken = default)
        where TRequest : class, IOcppRequest
    {
        var frame = await _recorder.WaitAsync(afterSequence, frame => IsCall(frame, predicate), cancellationToken).ConfigureAwait(false);
        return (TRequest)frame.Payload!;
    }

    /// <summary>Returns the first matching CALL ever received on this session, waiting for it if none has come yet.</summary>
    public Task<TRequest> WaitForFirstCallAsync<TRequest>(Func<TRequest, bool>? predicate = null, CancellationToken cancellationToken = default)
        where TRequest : class, IOcppRequest =>
        WaitForCallAsync(0, predicate, cancellationToken);

    /// <summary>Waits for the next matching frame, either way, recorded after this call.</summary>
    public Task<RecordedFrame> WaitForFrameAsync(Func<RecordedFrame, bool> predicate, CancellationToken cancellationToken = default) =>
        _recorder.WaitAsync(LastSequence, predicate, cancellationToken);

    /// <summary>Waits for the first matching frame recorded after <paramref name="afterSequence"/> (0: ever).</summary>
    public Task<RecordedFrame> WaitForFrameAsync(long afterSequence, Func<RecordedFrame, bool> predicate, CancellationToken cancellationToken = default) =>
        _recorder.WaitAsync(afterSequence, predicate, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{ChargePointId} ({(IsConnected ? "connected" : "disconnected")}, {LastSequence} frames)";

    internal async Task RunAsync(CancellationToken stopping)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(stopping, _abort.Token);
        var reason = "closed";
        try
        {
            await _connection.RunAsync(abort.Token).ConfigureAwait(false);
        }
        catch (OcppException ex)
        {
            // A send that failed while answering ends the loop with this rather than a transport error.
            reason = ex.Message;
        }
        finally
        {
            _recorder.End(reason);

            // Only the transport is disposed: RpcConnection.DisposeAsync also disposes the gate that
            // a CallAsync failing right now still releases.
            await _transport.DisposeAsync().ConfigureAwait(false);
            _ended.TrySetResult();
        }
    }

    internal async Task CloseWithReasonAsync(string reason, CancellationToken cancellationToken)
    {
        if (_ended.Task.IsCompleted)
        {
            return;
        }

        // A handler still waiting (a test's "never answer") would hold the receive loop, which must
        // read the station's close frame: its token is cancelled first.
        _closing.Cancel();
        await _connection.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        if (await EndsWithinCloseTimeoutAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        CentralSystemLog.CloseTimedOut(_logger, ChargePointId, _server.Options.CloseTimeout.TotalSeconds);
        Abort();

        // Bounded again: called from inside this session's own handler, the loop cannot end until
        // that handler returns.
        await EndsWithinCloseTimeoutAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancelled when the session starts closing; handlers get it linked into their token.</summary>
    internal CancellationToken Closing => _closing.Token;

    private async Task<bool> EndsWithinCloseTimeoutAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Real time even when the protocol clock is virtual: the close handshake is network
            // I/O, and a virtual clock that nobody advances must not hang a test's cleanup.
            await _ended.Task.WaitAsync(_server.Options.CloseTimeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // Neither source is disposed: they hold no timer, and a late Cancel must not race a Dispose.
    private void Abort() => _abort.Cancel();

    private static bool IsCall<TRequest>(RecordedFrame frame, Func<TRequest, bool>? predicate)
        where TRequest : class, IOcppRequest =>
        frame.IsCall(FrameDirection.Received) && frame.Payload is TRequest request && (predicate is null || predicate(request));

    // Created on the first override: most sessions of a fleet never have one.
    private HandlerTable Overrides
    {
        get
        {
            if (Volatile.Read(ref _overrides) is { } table)
            {
                return table;
            }

            Interlocked.CompareExchange(ref _overrides, new HandlerTable(), null);
            return _overrides!;
        }
    }

    private ErasedHandler ResolveHandler(string action) =>
        Volatile.Read(ref _overrides) is { } overrides && overrides.TryGet(action, out var handler) ? handler : _server.ResolveHandler(action);

    private void OnRecorded(RecordedFrame frame)
    {
        Raise(FrameRecorded, frame);
        _server.OnFrameRecorded(this, frame);
    }

    internal void Raise(EventHandler<RecordedFrame>? handlers, RecordedFrame frame)
    {
        try
        {
            handlers?.Invoke(this, frame);
        }
        catch (Exception ex)
        {
            // An observer's bug must not end the receive loop of the station it watches.
            CentralSystemLog.FrameHandlerFailed(_logger, ChargePointId, ex);
        }
    }
}
