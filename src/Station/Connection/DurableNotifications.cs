using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Runtime;
using Station.Transactions;

namespace Station.Connection;

/// <summary>
/// Firmware and diagnostics status notifications that are owed to the Central System even when
/// they happen offline and a power loss follows. Each is persisted first, then sent through the
/// ordered queue (so it keeps its place among the StatusNotifications), and removed from the store
/// only once answered. Whatever is left when the station comes online again (it was offline, the
/// link dropped before its turn, the power went) is sent then, oldest first. A CALLERROR is the
/// Central System's verdict: such a notification is not sent again.
/// </summary>
public sealed class DurableNotifications : IDurableQueue
{
    private readonly OutgoingMessages _outgoing;
    private readonly CentralSystemLink _link;
    private readonly INotificationStore _store;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task> _inFlight = [];

    /// <summary>Creates the queue; stored notifications leave each time the station comes online.</summary>
    public DurableNotifications(OutgoingMessages outgoing, CentralSystemLink link, INotificationStore store, StationRuntime runtime)
    {
        _outgoing = outgoing;
        _link = link;
        _store = store;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Connection");
        link.CameOnline += SendStored;
    }

    /// <inheritdoc/>
    public void Enqueue(IOcppRequest request)
    {
        var action = OcppActions.ForRequest(request.GetType());
        var sequence = _store.Add(action.Name, TransactionOutbox.Encode(request));
        if (_link.IsOnline)
        {
            Send(sequence, action, request);
        }
    }

    /// <summary>
    /// Sends a notification its owner has stored already, under <paramref name="sequence"/> (stored
    /// together with more than an append, e.g. the security log cleared with its event): now if
    /// online, else with the next coming online, like one given to <see cref="Enqueue"/>.
    /// </summary>
    public void EnqueueStored(long sequence, IOcppRequest request)
    {
        if (_link.IsOnline)
        {
            Send(sequence, OcppActions.ForRequest(request.GetType()), request);
        }
    }

    /// <inheritdoc/>
    public async Task WaitUntilDeliveredAsync(CancellationToken cancellationToken = default)
    {
        var offline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDisconnected() => offline.TrySetResult();
        _link.Disconnected += OnDisconnected;
        try
        {
            Task[] sending;
            lock (_gate)
            {
                sending = [.. _inFlight.Values];
            }

            if (_link.IsOnline && sending.Length > 0)
            {
                await Task.WhenAny(Task.WhenAll(sending), offline.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _link.Disconnected -= OnDisconnected;
        }
    }

    private void SendStored()
    {
        foreach (var stored in _store.LoadAll())
        {
            if (!OcppActions.TryGet(stored.Action, out var action)
                || !action.Request.TryRead(System.Text.Encoding.UTF8.GetBytes(stored.Payload), out var read, out var error))
            {
                ConnectionLog.NotificationUnreadable(_logger, stored.Action, stored.Sequence);
                _store.Remove(stored.Sequence);
                continue;
            }

            Send(stored.Sequence, action, (IOcppRequest)read);
        }
    }

    // The request enters the ordered queue now, in its place; waiting for the answer is tracked background work.
    private void Send(long sequence, OcppAction action, IOcppRequest request)
    {
        lock (_gate)
        {
            if (_inFlight.ContainsKey(sequence))
            {
                return;
            }

            var answer = _outgoing.SendAsync(action, request);
            _inFlight[sequence] = answer;
            _runtime.Run($"{action.Name} #{sequence}", ct => AwaitAnswerAsync(sequence, action, answer, ct));
        }
    }

    private async Task AwaitAnswerAsync(long sequence, OcppAction action, Task answer, CancellationToken cancellationToken)
    {
        try
        {
            // A stopping station abandons the wait (the queue stops with it); the notification stays stored.
            await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
            _store.Remove(sequence);
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppProtocolException)
        {
            ConnectionLog.NotificationRefused(_logger, action.Name, sequence, ex.Message);
            _store.Remove(sequence);
        }
        catch (OcppException)
        {
            // Offline at its turn, dropped from the queue or unanswered: kept, sent when online again.
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(sequence);
            }
        }
    }
}
