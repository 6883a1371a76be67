using Ocpp16.Messages;
using Station.Configuration;
using Station.Connection;
using Station.Hardware;
using Station.Model;
using Station.Runtime;
using Station.Transactions;

namespace Station.Metering;

/// <summary>
/// C-09: sampled meter values every <c>MeterValueSampleInterval</c> during a transaction and
/// clock-aligned values every <c>ClockAlignedDataInterval</c> from midnight, on the connectors and
/// connector 0; the StopTxn* values for transactionData; and the periodic persistence of the
/// meter that gives a power-loss StopTransaction its meterStop. Interval changes apply at once.
/// </summary>
public sealed class MeteringService : ITransactionDataSource
{
    private readonly StationModel _model;
    private readonly IReadOnlyList<IConnectorHardware> _hardware;
    private readonly TransactionService _transactions;
    private readonly OutgoingMessages _outgoing;
    private readonly IStationConfiguration _configuration;
    private readonly StationClock _clock;
    private readonly StationRuntime _runtime;
    private readonly StationTimer[] _sampleTimers;
    private readonly StationTimer _alignedTimer;
    private readonly StationTimer _checkpointTimer;
    private readonly TimeSpan _checkpointInterval;
    private DateTimeOffset _nextAligned;

    /// <summary>Creates the block and subscribes to transaction starts and stops.</summary>
    public MeteringService(
        StationModel model,
        IReadOnlyList<IConnectorHardware> hardware,
        TransactionService transactions,
        OutgoingMessages outgoing,
        IStationConfiguration configuration,
        StationRuntime runtime,
        TimeSpan checkpointInterval)
    {
        _model = model;
        _hardware = hardware;
        _transactions = transactions;
        _outgoing = outgoing;
        _configuration = configuration;
        _clock = runtime.Clock;
        _runtime = runtime;
        _checkpointInterval = checkpointInterval;
        _sampleTimers = [.. Enumerable.Range(1, hardware.Count).Select(id => runtime.CreateTimer($"sampled meter values of connector {id}", _ => SampleAsync(id)))];
        _alignedTimer = runtime.CreateTimer("clock-aligned meter values", _ => SampleAlignedAsync());
        _checkpointTimer = runtime.CreateTimer("meter checkpoint", _ => transactions.CheckpointAsync());
        transactions.Started += OnTransactionStarted;
        transactions.Ending += OnTransactionEnding;
        transactions.DataSource = this;
        configuration.Changed += OnConfigurationChanged;
    }

    /// <summary>Starts the clock-aligned schedule (after boot).</summary>
    public void Start()
    {
        ScheduleAligned();
        _checkpointTimer.Start(_checkpointInterval, _checkpointInterval);
    }

    /// <summary>
    /// The station clock was set from the Central System's time: clock-aligned values follow the
    /// new midnight at once, not after a boundary computed on the old clock.
    /// </summary>
    public void OnClockSynchronized() => ScheduleAligned();

    /// <summary>
    /// The present meter values of a connector (0: the whole station), for TriggerMessage. The
    /// readings are persisted first: what is reported is the register's floor after a restart. Null
    /// when they could not be persisted (a full disk, logged): then nothing is reported.
    /// </summary>
    public async Task<MeterValuesRequest?> TriggeredAsync(int connectorId)
    {
        var now = _clock.GetUtcNow();
        if (!await PersistReadingsAsync(connectorId, now).ConfigureAwait(false))
        {
            return null;
        }

        var measurands = SupportedMeasurands.Parse(_configuration.GetList(CoreKeys.MeterValuesSampledData));
        var value = Build(connectorId, measurands, ReadingContext.Trigger, now);
        return new MeterValuesRequest
        {
            ConnectorId = connectorId,
            TransactionId = connectorId > 0 ? _transactions.On(connectorId)?.TransactionId : null,
            MeterValue = [value],
        };
    }

    /// <summary>
    /// TriggerMessage MeterValues: the present values of one connector, or of connector 0 and every
    /// connector when none is named, read (and persisted) under the lock and sent after it.
    /// </summary>
    public async Task SendTriggeredAsync(int? connectorId, CancellationToken cancellationToken)
    {
        List<MeterValuesRequest> requests = [];
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var id in connectorId is { } one ? [one] : Enumerable.Range(0, _hardware.Count + 1))
            {
                if (await TriggeredAsync(id).ConfigureAwait(false) is { } request)
                {
                    requests.Add(request);
                }
            }
        }

        foreach (var request in requests)
        {
            await _outgoing.SendOnRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task SampleOverdueAsync() =>
        _alignedTimer.IsRunning && _nextAligned <= _clock.GetUtcNow() ? SampleAlignedAsync() : Task.CompletedTask;

    /// <inheritdoc/>
    public MeterValue? BeginValue(int connectorId, MeterReading reading, DateTimeOffset at) =>
        TransactionDataValue(connectorId, CoreKeys.StopTxnSampledData, reading, ReadingContext.TransactionBegin, at);

    /// <inheritdoc/>
    public MeterValue? EndValue(int connectorId, MeterReading reading, DateTimeOffset at) =>
        TransactionDataValue(connectorId, CoreKeys.StopTxnSampledData, reading, ReadingContext.TransactionEnd, at);

    private void OnTransactionStarted(Transaction transaction, MeterReading reading)
    {
        var interval = _configuration.GetSeconds(CoreKeys.MeterValueSampleInterval);
        if (interval > TimeSpan.Zero)
        {
            _sampleTimers[transaction.ConnectorId - 1].Start(interval, interval);
        }
    }

    private void OnTransactionEnding(Transaction transaction, MeterReading reading) => _sampleTimers[transaction.ConnectorId - 1].Stop();

    private async Task SampleAsync(int connectorId)
    {
        if (_transactions.On(connectorId) is not { } transaction)
        {
            _sampleTimers[connectorId - 1].Stop();
            return;
        }

        // A clock-aligned value due before this sample goes first: it carries the earlier time.
        await SampleOverdueAsync().ConfigureAwait(false);

        var now = _clock.GetUtcNow();
        var reading = _hardware[connectorId - 1].Meter.Read();
        var measurands = SupportedMeasurands.Parse(_configuration.GetList(CoreKeys.MeterValuesSampledData));
        var request = SampledValueFactory.Build(reading, _model.Connectors[connectorId - 1], measurands, ReadingContext.SamplePeriodic, now) is { } value
            ? new MeterValuesRequest { ConnectorId = connectorId, MeterValue = [value] }
            : null;
        var data = TransactionDataValue(connectorId, CoreKeys.StopTxnSampledData, reading, ReadingContext.SamplePeriodic, now);
        await _transactions.RecordSampleAsync(transaction, reading.EnergyActiveImportWh, now, request, data).ConfigureAwait(false);
    }

    private async Task SampleAlignedAsync()
    {
        try
        {
            await TakeAlignedAsync(_nextAligned).ConfigureAwait(false);
        }
        finally
        {
            // Whatever failed at this boundary (a full disk), the next one is still taken.
            ScheduleAligned();
        }
    }

    private async Task TakeAlignedAsync(DateTimeOffset boundary)
    {
        var measurands = SupportedMeasurands.Parse(_configuration.GetList(CoreKeys.MeterValuesAlignedData));
        for (var connectorId = 0; connectorId <= _hardware.Count; connectorId++)
        {
            var transaction = connectorId > 0 ? _transactions.On(connectorId) : null;
            var request = Build(connectorId, measurands, ReadingContext.SampleClock, boundary) is { } value
                ? new MeterValuesRequest { ConnectorId = connectorId, MeterValue = [value] }
                : null;
            if (transaction is not null)
            {
                var reading = _hardware[connectorId - 1].Meter.Read();
                var data = TransactionDataValue(connectorId, CoreKeys.StopTxnAlignedData, reading, ReadingContext.SampleClock, boundary);
                await _transactions.RecordSampleAsync(transaction, reading.EnergyActiveImportWh, _clock.GetUtcNow(), request, data).ConfigureAwait(false);
            }
            else if (request is not null)
            {
                // Outside a transaction these values describe the present only; they are not queued
                // while offline. What they report is still the register's floor after a restart:
                // connector 0 sums every connector, those in a transaction included (pitfall 10).
                if (await PersistReadingsAsync(connectorId, boundary).ConfigureAwait(false))
                {
                    _outgoing.Post(request);
                }
            }
        }
    }

    private MeterValue Build(int connectorId, IReadOnlyList<Measurand> measurands, ReadingContext context, DateTimeOffset timestamp)
    {
        if (connectorId > 0)
        {
            return SampledValueFactory.Build(_hardware[connectorId - 1].Meter.Read(), _model.Connectors[connectorId - 1], measurands, context, timestamp);
        }

        // Connector 0 is the station's main meter: the sum of the connectors.
        var readings = _hardware.Select(h => h.Meter.Read()).ToList();
        var total = new MeterReading
        {
            EnergyActiveImportWh = readings.Sum(r => r.EnergyActiveImportWh),
            PowerActiveImportW = readings.Sum(r => r.PowerActiveImportW),
            CurrentImportA = [.. Enumerable.Range(0, readings.Max(r => r.CurrentImportA.Count)).Select(p => readings.Sum(r => p < r.CurrentImportA.Count ? r.CurrentImportA[p] : 0))],
            VoltageV = readings[0].VoltageV,
            FrequencyHz = readings[0].FrequencyHz,
        };
        var station = _model.Connectors[0] with { MaxCurrentA = _model.Connectors.Sum(c => c.MaxCurrentA) };
        return SampledValueFactory.Build(total, station, measurands, context, timestamp);
    }

    private MeterValue? TransactionDataValue(int connectorId, string key, MeterReading reading, ReadingContext context, DateTimeOffset timestamp)
    {
        var measurands = SupportedMeasurands.Parse(_configuration.GetList(key));
        return measurands.Count == 0 ? null : SampledValueFactory.Build(reading, _model.Connectors[connectorId - 1], measurands, context, timestamp);
    }

    // The readings of a connector (0: every connector) about to leave the station; false when one could not be persisted.
    private async Task<bool> PersistReadingsAsync(int connectorId, DateTimeOffset at)
    {
        var persisted = true;
        for (var id = connectorId == 0 ? 1 : connectorId; id <= (connectorId == 0 ? _hardware.Count : connectorId); id++)
        {
            persisted &= await PersistReadingAsync(id, _hardware[id - 1].Meter.Read().EnergyActiveImportWh, at).ConfigureAwait(false);
        }

        return persisted;
    }

    // A reading about to leave the station: a running transaction records it as its last, any connector as its register floor.
    private Task<bool> PersistReadingAsync(int connectorId, double energyWh, DateTimeOffset at) =>
        _transactions.On(connectorId) is { } transaction
            ? _transactions.RecordSampleAsync(transaction, energyWh, at)
            : _transactions.RecordRegisterAsync(connectorId, energyWh, at);

    private void ScheduleAligned()
    {
        var interval = _configuration.GetInt(CoreKeys.ClockAlignedDataInterval);
        if (interval <= 0)
        {
            _alignedTimer.Stop();
            return;
        }

        // Aligned to midnight: with 900 s the values fall on :00, :15, :30 and :45.
        var now = _clock.GetUtcNow();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var elapsed = (long)Math.Floor((now - midnight).TotalSeconds);
        var next = midnight.AddSeconds(((elapsed / interval) + 1) * interval);
        _nextAligned = next;
        _alignedTimer.Start(next - now);
    }

    private void OnConfigurationChanged(string key)
    {
        if (key == CoreKeys.ClockAlignedDataInterval)
        {
            ScheduleAligned();
        }
        else if (key == CoreKeys.MeterValueSampleInterval)
        {
            var interval = _configuration.GetSeconds(CoreKeys.MeterValueSampleInterval);
            foreach (var transaction in _transactions.Active)
            {
                var timer = _sampleTimers[transaction.ConnectorId - 1];
                if (interval > TimeSpan.Zero)
                {
                    timer.Start(interval, interval);
                }
                else
                {
                    timer.Stop();
                }
            }
        }
    }
}
