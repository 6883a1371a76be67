using System.Data.Common;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Authorization;
using Station.Configuration;
using Station.Connectors;
using Station.Hardware;
using Station.Reservation;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>
/// Owns the transactions and the authorizations waiting for a cable: starts a transaction when an
/// authorized identifier and a plugged cable meet, stops it for every reason OCPP 1.6 knows,
/// journals both before anything is sent, and closes transactions a power loss interrupted.
/// Every member runs under the station lock.
/// </summary>
public sealed class TransactionService
{
    private readonly ConnectorService _connectors;
    private readonly IReadOnlyList<IConnectorHardware> _hardware;
    private readonly ITransactionStore _store;
    private readonly TransactionOutbox _outbox;
    private readonly IStationConfiguration _configuration;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;
    private readonly int _maxTransactionData;
    private readonly Transaction?[] _transactions;
    private readonly PendingAuthorization?[] _pending;
    private readonly StationTimer[] _connectionTimeouts;
    private readonly UnpersistedStops _unpersistedStops = new();

    /// <summary>Creates the block; index i of <paramref name="hardware"/> is connector i + 1.</summary>
    public TransactionService(
        ConnectorService connectors,
        IReadOnlyList<IConnectorHardware> hardware,
        ITransactionStore store,
        TransactionOutbox outbox,
        AuthorizationService authorization,
        IStationConfiguration configuration,
        StationRuntime runtime,
        int maxTransactionData,
        IReservationGate reservations)
    {
        Reservations = reservations;
        _connectors = connectors;
        _hardware = hardware;
        _store = store;
        _outbox = outbox;
        _configuration = configuration;
        _runtime = runtime;
        _maxTransactionData = maxTransactionData;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Transactions");
        _transactions = new Transaction?[connectors.Count + 1];
        _pending = new PendingAuthorization?[connectors.Count + 1];

        // Index 0 holds an authorization not yet tied to a connector (several connectors free, none plugged).
        _connectionTimeouts = [.. Enumerable.Range(0, connectors.Count + 1)
            .Select(id => runtime.CreateTimer($"ConnectionTimeOut of connector {id}", () => ExpireAuthorization(id)))];
        runtime.ClockJumped += ShiftTimes;
        outbox.Listener = new TransactionConfirmations(this, hardware, authorization, configuration, runtime, _logger);
    }

    /// <summary>What the reservations leave to an identifier (the reservation block; nothing reserved without it).</summary>
    public IReservationGate Reservations { get; }

    /// <summary>Gives the Transaction.Begin and Transaction.End values of the transactionData (the metering block).</summary>
    public ITransactionDataSource? DataSource { get; set; }

    /// <summary>Raised when a transaction started, with the meter reading of its start.</summary>
    public event Action<Transaction, MeterReading>? Started;

    /// <summary>Raised before a transaction's StopTransaction is built, with the final meter reading.</summary>
    public event Action<Transaction, MeterReading>? Ending;

    /// <summary>The running transactions.</summary>
    public IEnumerable<Transaction> Active => _transactions.OfType<Transaction>();

    /// <summary>The transaction running on a connector, if any.</summary>
    public Transaction? On(int connectorId) => _transactions[connectorId];

    /// <summary>The authorization waiting on a connector (0: not tied to one yet), if any.</summary>
    public PendingAuthorization? PendingOn(int connectorId) => _pending[connectorId];

    /// <summary>The running transaction with the Central System's <paramref name="transactionId"/>.</summary>
    public Transaction? FindByTransactionId(int transactionId) => Active.FirstOrDefault(t => t.TransactionId == transactionId);

    /// <summary>
    /// AQ-7.2: closes the transactions that were running when the power went, with reason PowerLoss,
    /// their last persisted meter reading and its time. Their StopTransaction is sent once online.
    /// </summary>
    public void RecoverAfterPowerLoss()
    {
        foreach (var open in _store.LoadOpen())
        {
            var meterStop = Math.Max(open.MeterStartWh, (int)Math.Floor(open.LastMeterWh));
            var stop = TransactionOutbox.Encode(new StopTransactionRequest
            {
                MeterStop = meterStop,
                Timestamp = open.LastMeterAt,
                TransactionId = 0,
                Reason = Reason.PowerLoss,

                // The StopTxn* values collected before the power went are persisted with each reading.
                TransactionData = Trimmed([.. open.TransactionData.Select(DecodeTransactionData).OfType<MeterValue>()]),
            });

            // Waited for here: the station is starting (the modules' start runs once, before it connects), so
            // nothing else waits on this thread or the lock yet, and the recovery must be durable before anything runs.
            _store.EndAsync(open.LocalId, open.LastMeterWh, open.LastMeterAt, stop).GetAwaiter().GetResult();
            TransactionsLog.RecoveredAfterPowerLoss(_logger, open.LocalId, meterStop);
        }

        _outbox.Signal();
    }

    /// <summary>An identifier may start on a connector (0: on whichever free connector gets the cable first).</summary>
    public async Task AuthorizeAsync(int connectorId, PendingAuthorization authorization)
    {
        _pending[connectorId] = authorization;
        if (connectorId > 0)
        {
            _connectors.SetSession(connectorId, SessionPhase.Authorized);
            if (_connectors[connectorId].Reserved)
            {
                // The reserving idTag turns Reserved into Preparing before its StartTransaction (test-cases.md §3.1 Charging, step 5).
                _connectors.Refresh();
            }
        }
        else
        {
            _connectors.SetAuthorizationUnassigned(true);
        }

        TransactionsLog.Authorized(_logger, connectorId, authorization.IdTag);
        _connectionTimeouts[connectorId].Start(_configuration.GetSeconds(CoreKeys.ConnectionTimeOut));
        if (connectorId > 0)
        {
            await TryStartAsync(connectorId).ConfigureAwait(false);
        }

        _connectors.Refresh();
    }

    /// <summary>Withdraws a waiting authorization (presented again, timed out, or the connector became unusable).</summary>
    public void CancelAuthorization(int connectorId, string why)
    {
        if (_pending[connectorId] is not { } pending)
        {
            return;
        }

        _pending[connectorId] = null;
        _connectionTimeouts[connectorId].Stop();
        if (connectorId > 0 && _connectors[connectorId].Session == SessionPhase.Authorized)
        {
            _connectors.SetSession(connectorId, SessionPhase.Idle);
        }

        if (connectorId == 0)
        {
            _connectors.SetAuthorizationUnassigned(false);
        }

        TransactionsLog.AuthorizationEnded(_logger, connectorId, pending.IdTag, why);
        _connectors.Refresh();
    }

    /// <summary>The cable was plugged in: resume, or start with a waiting authorization.</summary>
    public async Task OnCablePluggedAsync(int connectorId)
    {
        if (_transactions[connectorId] is null && _pending[connectorId] is null && _pending[0] is { } unassigned && _connectors.IsUsable(connectorId)
            && Reservations.Access(connectorId, unassigned.IdTag, unassigned.ParentIdTag) is ReservationAccess.Open or ReservationAccess.Reserved)
        {
            _pending[0] = null;
            _connectionTimeouts[0].Stop();
            _connectors.SetAuthorizationUnassigned(false);
            _pending[connectorId] = unassigned;
            _connectors.SetSession(connectorId, SessionPhase.Authorized);
        }

        await TryStartAsync(connectorId).ConfigureAwait(false);
        if (_transactions[connectorId] is not null && _hardware[connectorId - 1].Lock is { IsLocked: false } cableLock && !await cableLock.LockAsync().ConfigureAwait(false))
        {
            // C-06.1: the cable was released when the EV left; a kept transaction gets power again only once it is held.
            _connectors.SetFault(connectorId, new ConnectorFault(ChargePointErrorCode.ConnectorLockFailure, "cable lock did not close"));
        }

        await UpdatePowerAsync(connectorId).ConfigureAwait(false);
        _connectors.Refresh();
    }

    /// <summary>
    /// The EV was unplugged, with its cable or leaving a detachable cable in the socket
    /// (<see cref="ConnectorState.CableInSocket"/>): C-06.2 stops the transaction (EVDisconnected) when
    /// <c>StopTransactionOnEVSideDisconnect</c> is true; C-06.1 keeps it, suspended, otherwise.
    /// Finishing lasts until no cable is left (TC_005).
    /// </summary>
    public async Task OnCableUnpluggedAsync(int connectorId)
    {
        var state = _connectors[connectorId];
        if (state.Fault?.ErrorCode == ChargePointErrorCode.ConnectorLockFailure)
        {
            // The lock failure was the station's own finding about this cable; the cable is gone.
            _connectors.SetFault(connectorId, null);
        }

        if (_transactions[connectorId] is { } transaction && _configuration.GetBool(CoreKeys.StopTransactionOnEVSideDisconnect))
        {
            await StopAsync(transaction, Reason.EVDisconnected).ConfigureAwait(false);
        }

        if (state.Session == SessionPhase.Finishing && !state.CableInSocket)
        {
            _connectors.SetSession(connectorId, SessionPhase.Idle);
        }

        await UpdatePowerAsync(connectorId).ConfigureAwait(false);

        // Once power is off; also when no transaction runs any more (ended as DeAuthorized, by a reset, ...), else the cable stays locked for good.
        if (_configuration.GetBool(CoreKeys.UnlockConnectorOnEVSideDisconnect) && _hardware[connectorId - 1].Lock is { IsLocked: true } cableLock)
        {
            await cableLock.UnlockAsync().ConfigureAwait(false);
        }

        _connectors.Refresh();
    }

    /// <summary>
    /// Opens or closes the contactor to match the state: power flows only during a transaction,
    /// with the EV connected, its cable locked (if it has a lock), no fault, and the station not withholding it.
    /// </summary>
    public async Task UpdatePowerAsync(int connectorId)
    {
        var state = _connectors[connectorId];
        var energize = _transactions[connectorId] is { SuspendedByStation: false }
            && state.CablePlugged && state.EffectiveFault(_connectors.Station) is null;
        var contactor = _hardware[connectorId - 1].Contactor;

        // A detachable cable carries power only while its lock holds it (C-06.1: it is locked again before a kept transaction resumes).
        energize &= _hardware[connectorId - 1].Lock is not { IsLocked: false };
        if (contactor.IsClosed != energize)
        {
            await contactor.SetClosedAsync(energize).ConfigureAwait(false);
        }
    }

    /// <summary>Stops a transaction: journals and queues the StopTransaction, opens the contactor.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="reason">Why it stops.</param>
    /// <param name="idTag">The identifier that asked to stop, when one did.</param>
    public async Task StopAsync(Transaction transaction, Reason reason, string? idTag = null)
    {
        var connectorId = transaction.ConnectorId;
        if (DataSource is { } source)
        {
            await source.SampleOverdueAsync().ConfigureAwait(false);
        }

        var reading = _hardware[connectorId - 1].Meter.Read();
        var meterStop = Math.Max(transaction.MeterStartWh, (int)Math.Floor(reading.EnergyActiveImportWh));
        var now = _runtime.Clock.GetUtcNow();
        Ending?.Invoke(transaction, reading);
        if (DataSource?.EndValue(connectorId, reading, now) is { } endValue)
        {
            transaction.TransactionData.Add(endValue);
        }

        // The final reading becomes the register floor in the same commit as the StopTransaction.
        var stop = TransactionOutbox.Encode(new StopTransactionRequest
        {
            IdTag = idTag,
            MeterStop = meterStop,
            Timestamp = now,
            TransactionId = 0,
            Reason = reason,
            TransactionData = Trimmed(transaction.TransactionData),
        });
        try
        {
            await _store.EndAsync(transaction.LocalId, reading.EnergyActiveImportWh, now, stop).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            // A full disk: the session ends all the same, and the stop is written at a later checkpoint.
            TransactionsLog.StopNotPersisted(_logger, connectorId, transaction.LocalId, ex.Message);
            _runtime.ReportStorageFailure(ex);
            _unpersistedStops.Add(transaction.LocalId, reading.EnergyActiveImportWh, now, stop);
        }

        _transactions[connectorId] = null;
        TransactionsLog.Stopped(_logger, connectorId, transaction.LocalId, transaction.TransactionId, reason, meterStop);

        var state = _connectors[connectorId];
        _connectors.SetSession(connectorId, state.CablePlugged || state.CableInSocket ? SessionPhase.Finishing : SessionPhase.Idle);
        await UpdatePowerAsync(connectorId).ConfigureAwait(false);
        if (reason is Reason.Local or Reason.Remote && _hardware[connectorId - 1].Lock is { } cableLock)
        {
            // OCPP 1.6 §5.12: a remote stop, like a local one, unlocks the connector if applicable (power is off by now).
            await cableLock.UnlockAsync().ConfigureAwait(false);
        }

        _outbox.Signal();
        _connectors.Refresh();
    }

    /// <summary>Stops every running transaction (Reset, shutdown).</summary>
    public async Task StopAllAsync(Reason reason)
    {
        foreach (var transaction in Active.ToList())
        {
            await StopAsync(transaction, reason).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Persists a reading of a running transaction before anything built from it leaves the station:
    /// its meterStop should the power fail now, the connector's register floor, the MeterValues to
    /// queue and the value it adds to the transactionData, in one commit. False (and logged) when the
    /// database cannot be written (a full disk): then nothing of the reading is kept or sent, and the
    /// transaction goes on, its last persisted reading still its meterStop after a power loss.
    /// </summary>
    public async Task<bool> RecordSampleAsync(
        Transaction transaction, double energyWh, DateTimeOffset at, MeterValuesRequest? meterValues = null, MeterValue? transactionData = null)
    {
        try
        {
            await _store.RecordSampleAsync(new TransactionSample
            {
                LocalId = transaction.LocalId,
                EnergyWh = energyWh,
                At = at,
                MeterValuesPayload = meterValues is null ? null : TransactionOutbox.Encode(meterValues),
                TransactionDataPayload = transactionData is null ? null : EncodeTransactionData(transaction.ConnectorId, transactionData),
                TransactionDataLimit = _maxTransactionData,
            }).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            TransactionsLog.SampleNotPersisted(_logger, transaction.ConnectorId, transaction.LocalId, ex.Message);
            return false;
        }

        if (transactionData is not null)
        {
            AddTransactionData(transaction, transactionData);
        }

        if (meterValues is not null)
        {
            _outbox.Signal();
        }

        return true;
    }

    /// <summary>
    /// Raises a connector's register floor for a reading that leaves the station outside a
    /// transaction; false (and logged) when the database cannot be written: the reading must not leave then.
    /// </summary>
    public async Task<bool> RecordRegisterAsync(int connectorId, double energyWh, DateTimeOffset at)
    {
        try
        {
            await _store.RecordRegisterAsync(connectorId, energyWh, at).ConfigureAwait(false);
            return true;
        }
        catch (DbException ex)
        {
            TransactionsLog.RegisterNotPersisted(_logger, connectorId, ex.Message);
            return false;
        }
    }

    /// <summary>Persists the meter reading of every running transaction and enforces MaxEnergyOnInvalidId.</summary>
    public async Task CheckpointAsync()
    {
        if (_unpersistedStops.Count > 0 && await _unpersistedStops.RetryAsync(_store).ConfigureAwait(false) is > 0 and var written)
        {
            TransactionsLog.StopsPersistedLate(_logger, written);
            _outbox.Signal();
        }

        foreach (var transaction in Active.ToList())
        {
            var energy = _hardware[transaction.ConnectorId - 1].Meter.Read().EnergyActiveImportWh;
            await RecordSampleAsync(transaction, energy, _runtime.Clock.GetUtcNow()).ConfigureAwait(false);
            if (transaction.EnergyLimitWh is { } limit && energy >= limit && !transaction.SuspendedByStation)
            {
                await SuspendAsync(transaction).ConfigureAwait(false);
            }
        }
    }

    private async Task TryStartAsync(int connectorId)
    {
        var state = _connectors[connectorId];
        if (_pending[connectorId] is not { } pending || !state.CablePlugged || !_connectors.IsUsable(connectorId))
        {
            return;
        }

        var hardware = _hardware[connectorId - 1];
        if (hardware.Lock is { } cableLock && !await cableLock.LockAsync().ConfigureAwait(false))
        {
            // TC_024: a plug the lock cannot hold is a fault, not a transaction.
            TransactionsLog.LockFailed(_logger, connectorId);
            _connectors.SetFault(connectorId, new ConnectorFault(ChargePointErrorCode.ConnectorLockFailure, "cable lock did not close"));
            CancelAuthorization(connectorId, "cable lock failure");
            return;
        }

        if (DataSource is { } source)
        {
            await source.SampleOverdueAsync().ConfigureAwait(false);
        }

        var reading = hardware.Meter.Read();
        var meterStart = (int)Math.Floor(reading.EnergyActiveImportWh);
        var startedAt = _runtime.Clock.GetUtcNow();
        var reservationId = Reservations.ReservationFor(connectorId, pending.IdTag, pending.ParentIdTag);
        var request = new StartTransactionRequest
        {
            ConnectorId = connectorId, IdTag = pending.IdTag, MeterStart = meterStart, Timestamp = startedAt, ReservationId = reservationId,
        };
        var beginValue = DataSource?.BeginValue(connectorId, reading, startedAt);
        long localId;
        try
        {
            localId = await _store.BeginAsync(
                new StoredTransaction
                {
                    LocalId = 0,
                    ConnectorId = connectorId,
                    IdTag = pending.IdTag,
                    ParentIdTag = pending.ParentIdTag,
                    MeterStartWh = meterStart,
                    StartedAt = startedAt,
                    ReservationId = reservationId,
                    LastMeterWh = reading.EnergyActiveImportWh,
                    LastMeterAt = startedAt,
                    TransactionData = beginValue is null ? [] : [EncodeTransactionData(connectorId, beginValue)],
                },
                TransactionOutbox.Encode(request)).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            // A full disk (or a broken database): a transaction that is not journaled must not start, or a power loss would forget it.
            TransactionsLog.StartNotPersisted(_logger, connectorId, pending.IdTag, ex.Message);
            _runtime.ReportStorageFailure(ex);
            if (hardware.Lock is { IsLocked: true } locked)
            {
                await locked.UnlockAsync().ConfigureAwait(false);
            }

            CancelAuthorization(connectorId, "the transaction could not be persisted");
            return;
        }

        var transaction = new Transaction
        {
            LocalId = localId,
            ConnectorId = connectorId,
            IdTag = pending.IdTag,
            ParentIdTag = pending.ParentIdTag,
            StartedAt = startedAt,
            MeterStartWh = meterStart,
            ReservationId = reservationId,
            ChargingProfile = pending.ChargingProfile,
        };
        if (beginValue is not null)
        {
            transaction.TransactionData.Add(beginValue);
        }

        _transactions[connectorId] = transaction;
        _pending[connectorId] = null;
        _connectionTimeouts[connectorId].Stop();
        _connectors.SetSession(connectorId, SessionPhase.Charging);

        // §5.13: the reservation ends with the transaction that used it, once the start is journaled.
        if (reservationId is { } used)
        {
            Reservations.Used(used);
        }

        TransactionsLog.Started(_logger, connectorId, localId, pending.IdTag, meterStart);
        await UpdatePowerAsync(connectorId).ConfigureAwait(false);
        Started?.Invoke(transaction, reading);
        _outbox.Signal();
    }

    /// <summary>Withholds power from a running transaction (SuspendedEVSE), keeping the transaction.</summary>
    internal async Task SuspendAsync(Transaction transaction)
    {
        transaction.SuspendedByStation = true;
        _connectors.SetSession(transaction.ConnectorId, SessionPhase.SuspendedByStation);
        await UpdatePowerAsync(transaction.ConnectorId).ConfigureAwait(false);
        _connectors.Refresh();
    }

    // Pitfall 7: what was timed on the old clock and not reported yet moves with the clock.
    private void ShiftTimes(TimeSpan delta)
    {
        foreach (var transaction in Active)
        {
            if (transaction.TransactionId is null)
            {
                transaction.StartedAt += delta;
            }

            var data = transaction.TransactionData;
            for (var i = 0; i < data.Count; i++)
            {
                data[i] = TimestampShift.Apply(data[i], delta);
            }
        }

        _store.ShiftUnsent(delta, (action, payload) => TransactionOutbox.Reencode(action, payload, request => TimestampShift.Apply(request, delta)));
    }

    private void ExpireAuthorization(int connectorId) => CancelAuthorization(connectorId, "ConnectionTimeOut");

    // The transactionData as the StopTransaction carries it: null when empty.
    private List<MeterValue>? Trimmed(List<MeterValue> data)
    {
        if (data.Count == 0)
        {
            return null;
        }

        if (data.Count <= _maxTransactionData)
        {
            return data;
        }

        // ORS-8: keep the first (Transaction.Begin) and the latest values up to StopTransactionMaxMeterValues.
        return [data[0], .. data.Skip(data.Count - (_maxTransactionData - 1))];
    }

    // Only the first and the latest values reach the StopTransaction (ORS-8); memory stays bounded on long sessions.
    private void AddTransactionData(Transaction transaction, MeterValue value)
    {
        var data = transaction.TransactionData;
        if (data.Count >= Math.Max(2, _maxTransactionData) * 2)
        {
            data.RemoveAt(1);
        }

        data.Add(value);
    }

    // A transactionData value is stored as a MeterValues payload of one value: the codec reads it back validated.
    private static string EncodeTransactionData(int connectorId, MeterValue value) =>
        TransactionOutbox.Encode(new MeterValuesRequest { ConnectorId = connectorId, MeterValue = [value] });

    private MeterValue? DecodeTransactionData(string payload)
    {
        if (OcppActions.MeterValues.Request.TryRead(System.Text.Encoding.UTF8.GetBytes(payload), out var read, out var error))
        {
            return ((MeterValuesRequest)read).MeterValue[0];
        }

        TransactionsLog.TransactionDataUnreadable(_logger, error.Description);
        return null;
    }
}
