using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Connection;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>
/// Delivers transaction messages from the durable store, oldest first, one at a time, only while
/// online. A message leaves the store only when the Central System answered it. A CALLERROR (or an
/// answer that cannot be read) counts as a failed attempt and is retried after
/// <c>TransactionMessageRetryInterval</c> × attempts, up to <c>TransactionMessageAttempts</c>, then
/// moves to the dead letters (OCPP 1.6 §4.10: the Central System failed to process it). A timeout
/// is no answer at all: it never counts, the message stays, and the connection, which may be
/// half-open, is dialled anew. Time offline counts for nothing.
/// </summary>
public sealed class TransactionOutbox : IStartConfirmations
{
    private volatile TaskCompletionSource? _startDelivery;
    private readonly ITransactionStore _store;
    private readonly CentralSystemLink _link;
    private readonly IStationConfiguration _configuration;
    private readonly StationClock _clock;
    private readonly ILogger _logger;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _drainGate = new();
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _idleAndEmpty;
    private readonly StationRuntime _runtime;

    /// <summary>Creates the outbox over the store.</summary>
    public TransactionOutbox(ITransactionStore store, CentralSystemLink link, IStationConfiguration configuration, StationRuntime runtime)
    {
        _store = store;
        _link = link;
        _configuration = configuration;
        _clock = runtime.Clock;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Transactions.Outbox");
    }

    /// <summary>Told about each delivery (the transaction block).</summary>
    public IOutboxListener? Listener { get; set; }

    /// <summary>Raised after each delivery, with the action name (tests, demo statistics).</summary>
    public event Action<string>? Delivered;

    /// <summary>The number of messages waiting.</summary>
    public int Pending => _store.Count();

    /// <summary>The number of messages given up on and kept in the dead letters.</summary>
    public int DeadLetters => _store.DeadLetterCount();

    /// <summary>The JSON a request is stored as.</summary>
    public static string Encode(IOcppRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            OcppActions.ForRequest(request.GetType()).Request.Write(writer, request);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A stored payload of <paramref name="action"/> changed by <paramref name="change"/>; a payload
    /// that cannot be read is left as it is (delivery moves it to the dead letters, with the reason).
    /// </summary>
    public static string Reencode(string action, string payload, Func<IOcppRequest, IOcppRequest> change) =>
        OcppActions.TryGet(action, out var known) && known.Request.TryRead(Encoding.UTF8.GetBytes(payload), out var read, out _)
            ? Encode(change((IOcppRequest)read))
            : payload;

    /// <summary>Wakes the worker: a message was stored.</summary>
    public void Signal()
    {
        // Not drained any more from this moment, even before the worker wakes up.
        SetIdle(false);
        _signal.Writer.TryWrite(true);
    }

    /// <summary>
    /// Completes when no message waits and the last delivery has been fully processed (its answer
    /// applied), e.g. before a reboot. While offline it waits for the connection to come back.
    /// </summary>
    public Task WaitUntilDrainedAsync(CancellationToken cancellationToken)
    {
        lock (_drainGate)
        {
            return _idleAndEmpty ? Task.CompletedTask : _drained.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Delivers until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _link.WaitUntilOnlineAsync(cancellationToken).ConfigureAwait(false);
            if (_store.Peek() is not { } entry)
            {
                SetIdle(true);
                await _signal.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                SetIdle(false);
                continue;
            }

            try
            {
                await DeliverAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException ex)
            {
                // A full disk: the message is still in the store, so it is sent again (at least once) once writing works.
                var wait = _configuration.GetSeconds(CoreKeys.TransactionMessageRetryInterval);
                TransactionsLog.OutboxNotPersisted(_logger, ex.Message, wait.TotalSeconds);
                _runtime.ReportStorageFailure(ex);
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public Task StartTransactionDelivered => _startDelivery?.Task ?? Task.CompletedTask;

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Message.Action != OcppActions.StartTransaction.Name)
        {
            await DeliverOneAsync(entry, cancellationToken).ConfigureAwait(false);
            return;
        }

        var delivery = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _startDelivery = delivery;
        try
        {
            await DeliverOneAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _startDelivery = null;
            delivery.TrySetResult();
        }
    }

    private async Task DeliverOneAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!TryMaterialize(entry.Message, out var action, out var request, out var problem))
        {
            await _store.AbandonAsync(entry.Sequence, problem).ConfigureAwait(false);
            TransactionsLog.Abandoned(_logger, entry.Message.Action, entry.Sequence, problem);
            return;
        }

        IOcppResponse response;
        try
        {
            response = await _link.CallAsync(action, request, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppNotConnectedException)
        {
            return;
        }
        catch (OcppCallTimeoutException ex)
        {
            // The connection may be half-open: it is dialled anew, and the message stays for the next one.
            TransactionsLog.NoAnswer(_logger, entry.Message.Action, entry.Sequence, ex.Message);
            await _link.DisconnectAsync($"no answer to {entry.Message.Action}", cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (OcppException ex)
        {
            await RecordFailureAsync(entry, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (response is StartTransactionResponse started)
        {
            await _store.CompleteAsync(entry.Sequence, entry.Message.LocalTransactionId, started.TransactionId).ConfigureAwait(false);
        }
        else
        {
            await _store.CompleteAsync(entry.Sequence).ConfigureAwait(false);
        }

        TransactionsLog.Delivered(_logger, entry.Message.Action, entry.Sequence);
        if (Listener is { } listener)
        {
            await listener.OnDeliveredAsync(entry.Message, request, response, cancellationToken).ConfigureAwait(false);
        }

        Delivered?.Invoke(entry.Message.Action);
    }

    private async Task RecordFailureAsync(OutboxEntry entry, string reason, CancellationToken cancellationToken)
    {
        var attempts = entry.Attempts + 1;
        var allowed = _configuration.GetInt(CoreKeys.TransactionMessageAttempts);
        if (attempts >= allowed)
        {
            // OCPP 1.6 §4.10 lets the station discard it; it goes to the dead letters instead, kept on disk.
            await _store.AbandonAsync(entry.Sequence, $"{attempts} attempts failed, last: {reason}").ConfigureAwait(false);
            TransactionsLog.Abandoned(_logger, entry.Message.Action, entry.Sequence, reason);
            if (entry.Message is { Action: "StartTransaction", LocalTransactionId: { } localId })
            {
                // Without a transactionId nothing else of the transaction can be sent: say so once, loudly, and keep it all on disk.
                var dependents = await _store.AbandonTransactionAsync(localId, $"its StartTransaction #{entry.Sequence} was moved to the dead letters").ConfigureAwait(false);
                TransactionsLog.TransactionAbandoned(_logger, localId, entry.Sequence, dependents);
            }

            return;
        }

        await _store.RecordAttemptAsync(entry.Sequence, attempts).ConfigureAwait(false);
        var wait = _configuration.GetSeconds(CoreKeys.TransactionMessageRetryInterval) * attempts;
        TransactionsLog.Retrying(_logger, entry.Message.Action, entry.Sequence, attempts, reason, wait.TotalSeconds);
        await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
    }

    private bool TryMaterialize(OutboxMessage message, out OcppAction action, out IOcppRequest request, out string problem)
    {
        request = null!;
        problem = string.Empty;
        if (!OcppActions.TryGet(message.Action, out action!))
        {
            problem = $"unknown action {message.Action}";
            return false;
        }

        if (!action.Request.TryRead(Encoding.UTF8.GetBytes(message.Payload), out var read, out var error))
        {
            problem = $"stored payload unreadable: {error.Description}";
            return false;
        }

        request = (IOcppRequest)read;
        if (message.LocalTransactionId is not { } localId || request is StartTransactionRequest)
        {
            return true;
        }

        // Filled in at sending: a transaction started offline learns its id only from the queued StartTransaction.
        if (_store.FindTransactionId(localId) is not { } transactionId)
        {
            problem = "its StartTransaction was never accepted, so it has no transactionId";
            return false;
        }

        request = request switch
        {
            StopTransactionRequest stop => stop with { TransactionId = transactionId },
            MeterValuesRequest meterValues => meterValues with { TransactionId = transactionId },
            _ => request,
        };
        return true;
    }

    private void SetIdle(bool idle)
    {
        lock (_drainGate)
        {
            _idleAndEmpty = idle;
            if (idle)
            {
                _drained.TrySetResult();
            }
            else if (_drained.Task.IsCompleted)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
