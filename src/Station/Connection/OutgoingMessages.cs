using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Connection;

/// <summary>
/// The ordered queue of the station's own messages that are not transaction messages
/// (StatusNotification, Authorize, Heartbeat, MeterValues outside transactions, firmware and
/// diagnostics notifications): they leave in the order they were queued, and only while online.
/// A message whose turn comes while offline is not sent: these messages describe the present, and
/// the present is reported again after reconnecting. Transaction messages use the durable outbox.
/// </summary>
public sealed class OutgoingMessages
{
    /// <summary>
    /// The most messages waiting: status traffic must not pile up behind a dead link or a slow
    /// reader; the oldest entries give way, with a log line.
    /// </summary>
    public const int Capacity = 256;

    private readonly CentralSystemLink _link;
    private readonly ILogger _logger;
    private readonly Channel<Outgoing> _queue;
    private readonly Lock _emptyGate = new();
    private int _unfinished;
    private TaskCompletionSource? _empty;

    /// <summary>Creates the queue; <see cref="RunAsync"/> sends from it.</summary>
    public OutgoingMessages(CentralSystemLink link, ILogger logger)
    {
        _link = link;
        _logger = logger;
        _queue = Channel.CreateBounded<Outgoing>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped =>
            {
                ConnectionLog.Dropped(_logger, dropped.Action.Name);
                dropped.Fail(new OcppNotConnectedException("dropped from a full outgoing queue"));
                Finished();
            });
    }

    /// <summary>The messages queued and not yet sent or given up: at most <see cref="Capacity"/> waiting, plus the one being sent.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    /// <summary>Whether the station is online (connected and Accepted): only then does the queue send.</summary>
    public bool IsOnline => _link.IsOnline;

    /// <summary>Queues a request and waits for its answer.</summary>
    /// <exception cref="OcppNotConnectedException">The station was offline when the request's turn came.</exception>
    public async Task<TResponse> SendAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse
    {
        var outgoing = new Outgoing(OcppActions.ForRequest(request.GetType()), request, awaited: true);
        Interlocked.Increment(ref _unfinished);
        await _queue.Writer.WriteAsync(outgoing, cancellationToken).ConfigureAwait(false);
        return (TResponse)await outgoing.Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a request of <paramref name="action"/> now, in order, and returns the task of its
    /// answer (the request is in the queue when this returns).
    /// </summary>
    /// <exception cref="OcppNotConnectedException">The station was offline when the request's turn came.</exception>
    public Task<IOcppResponse> SendAsync(OcppAction action, IOcppRequest request)
    {
        var outgoing = new Outgoing(action, request, awaited: true);
        Interlocked.Increment(ref _unfinished);

        // DropOldest: a write never waits, so the request has its place before this returns.
        _queue.Writer.TryWrite(outgoing);
        return outgoing.Answer;
    }

    /// <summary>
    /// Sends a message the Central System asked for (TriggerMessage): through the ordered queue when
    /// online, straight to the Central System while the registration is Pending (pitfall 2: a
    /// triggered message is served then too). A failure is logged; the answer is null then.
    /// </summary>
    public async Task<TResponse?> SendOnRequestAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse
    {
        try
        {
            return _link.IsOnline
                ? await SendAsync(request, cancellationToken).ConfigureAwait(false)
                : await _link.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppException ex)
        {
            ConnectionLog.RequestedNotDelivered(_logger, OcppActions.ForRequest(request.GetType()).Name, ex.Message);
            return null;
        }
    }

    /// <summary>Queues a request whose answer nobody waits for (notifications).</summary>
    public void Post(IOcppRequest request)
    {
        if (!_link.IsOnline)
        {
            // Notifications describe the present; the present is reported again once online.
            return;
        }

        Interlocked.Increment(ref _unfinished);
        _queue.Writer.TryWrite(new Outgoing(OcppActions.ForRequest(request.GetType()), request, awaited: false));
    }

    /// <summary>Completes when every message queued so far has been sent (or given up), e.g. before shutting down.</summary>
    public Task WaitUntilEmptyAsync(CancellationToken cancellationToken = default)
    {
        lock (_emptyGate)
        {
            if (Volatile.Read(ref _unfinished) == 0)
            {
                return Task.CompletedTask;
            }

            _empty ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _empty.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends queued messages in order until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var outgoing in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Finished();
            }
        }
    }

    private async Task SendAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        if (!_link.IsOnline)
        {
            ConnectionLog.NotSentOffline(_logger, outgoing.Action.Name);
            outgoing.Fail(new OcppNotConnectedException("offline"));
            return;
        }

        try
        {
            var answer = await _link.CallAsync(outgoing.Action, outgoing.Request, cancellationToken).ConfigureAwait(false);
            outgoing.Complete(answer);
        }
        catch (OcppException ex)
        {
            if (!outgoing.Awaited)
            {
                ConnectionLog.NotificationFailed(_logger, outgoing.Action.Name, ex.Message);
            }

            outgoing.Fail(ex);
        }
    }

    private void Finished()
    {
        lock (_emptyGate)
        {
            if (Interlocked.Decrement(ref _unfinished) == 0 && _empty is { } empty)
            {
                _empty = null;
                empty.TrySetResult();
            }
        }
    }

    private sealed class Outgoing(OcppAction action, IOcppRequest request, bool awaited)
    {
        private readonly TaskCompletionSource<IOcppResponse> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public OcppAction Action { get; } = action;

        public IOcppRequest Request { get; } = request;

        public bool Awaited { get; } = awaited;

        public Task<IOcppResponse> Answer => _answer.Task;

        public void Complete(IOcppResponse answer) => _answer.TrySetResult(answer);

        public void Fail(Exception exception)
        {
            // Nobody observes the answer of a notification: keep its failure from going unobserved.
            if (_answer.TrySetException(exception) && !Awaited)
            {
                _ = _answer.Task.Exception;
            }
        }
    }
}
