using System.Globalization;
using Ocpp16.Messages;

namespace Station.Host.Fleet;

/// <summary>
/// <c>--atg</c>: a driver at every connector of one station, acting only through the simulated
/// hardware as a person would: plug in, present a card, charge for a drawn time, the same card
/// again, unplug, pause for a drawn time, repeat. Every draw comes from a generator seeded by the
/// fleet's seed, the station index and the connector, and every wait is in the station's clock, so
/// a run repeats with its seed (and runs in virtual time in the tests).
/// </summary>
internal sealed class AutomaticTransactions(FleetStation station, FleetGroup settings, int seed, int index, TimeProvider timeProvider, DriverActivity activity)
{
    /// <summary>How long a step waits for the station to answer it (the card's transaction to start or stop) before going on.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    // One card at a time per station: with several connectors waiting, a card could prepare another one (one reader, TC_006).
    // Waiting for the reader is a driver's wait like the others (DriverWait), so the virtual-time barrier sees it asleep.
    private readonly Lock _readerGate = new();
    private readonly Queue<DriverWait> _readerQueue = new();
    private bool _readerBusy;
    private long _cycles;

    /// <summary>Transactions this driver completed (plug to unplug).</summary>
    public long Cycles => Interlocked.Read(ref _cycles);

    /// <summary>The generator of one connector: the same seed, index and connector give the same draws.</summary>
    public static Random RandomFor(int seed, int index, int connectorId) =>
        new(unchecked((seed * 1_000_003) ^ (index * 131) ^ connectorId));

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(station.Hardware.Connectors.Select(c => ConnectorAsync(c.ConnectorId, cancellationToken)));

    private async Task ConnectorAsync(int connectorId, CancellationToken cancellationToken)
    {
        activity.Wake();
        try
        {
            await DriveAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            activity.Sleep();
        }
    }

    private async Task DriveAsync(int connectorId, CancellationToken cancellationToken)
    {
        var random = RandomFor(seed, index, connectorId);
        try
        {
            // The first plug-in is spread over one pause, so that connectors do not move in step.
            await SleepAsync(settings.TxPause.Draw(random), cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                await CycleAsync(connectorId, random, cancellationToken).ConfigureAwait(false);
                await SleepAsync(settings.TxPause.Draw(random), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task CycleAsync(int connectorId, Random random, CancellationToken cancellationToken)
    {
        await WaitOnlineAsync(cancellationToken).ConfigureAwait(false);
        var idTag = string.Create(CultureInfo.InvariantCulture, $"ATG{random.Next():X8}");
        var hardware = station.Hardware;
        await AcquireReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForStatusAsync(
                connectorId,
                InTransaction,
                async () =>
                {
                    await hardware.PlugAsync(connectorId, cancellationToken).ConfigureAwait(false);
                    await hardware.PresentCardAsync(idTag, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReleaseReader();
        }

        await SleepAsync(settings.TxDuration.Draw(random), cancellationToken).ConfigureAwait(false);
        if (InTransaction(station.Status(connectorId)))
        {
            await WaitForStatusAsync(connectorId, s => !InTransaction(s), () => hardware.PresentCardAsync(idTag, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        }

        await hardware.UnplugAsync(connectorId, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _cycles);
    }

    private Task AcquireReaderAsync(CancellationToken cancellationToken)
    {
        DriverWait turn;
        lock (_readerGate)
        {
            if (!_readerBusy)
            {
                _readerBusy = true;
                return Task.CompletedTask;
            }

            turn = new DriverWait(activity);
            _readerQueue.Enqueue(turn);
        }

        return turn.WaitAsync(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);
    }

    private void ReleaseReader()
    {
        lock (_readerGate)
        {
            if (_readerQueue.TryDequeue(out var next))
            {
                next.End();
            }
            else
            {
                _readerBusy = false;
            }
        }
    }

    private static bool InTransaction(ChargePointStatus status) =>
        status is ChargePointStatus.Charging or ChargePointStatus.SuspendedEV or ChargePointStatus.SuspendedEVSE;

    // Until the station's BootNotification is accepted, looked at once a second of the station's clock.
    private async Task WaitOnlineAsync(CancellationToken cancellationToken)
    {
        while (station.Runner.Current is not { Link.IsOnline: true })
        {
            await SleepAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    // A wait in the station's clock; the driver is woken inside the timer's callback (DriverActivity).
    private Task SleepAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        new DriverWait(activity).WaitAsync(delay, timeProvider, cancellationToken);

    // Armed now, awaited after the action: ends when the connector reports a status that satisfies the predicate, or after
    // StepTimeout in the station's clock (the station did not answer the step: offline, card refused; the driver goes on).
    private async Task WaitForStatusAsync(int connectorId, Func<ChargePointStatus, bool> predicate, Func<Task> action, CancellationToken cancellationToken)
    {
        var wait = new DriverWait(activity);
        void OnStatus(int id, ChargePointStatus status)
        {
            if (id == connectorId && predicate(status))
            {
                wait.End();
            }
        }

        station.StatusChanged += OnStatus;
        try
        {
            await action().ConfigureAwait(false);
            await wait.WaitAsync(StepTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            station.StatusChanged -= OnStatus;
        }
    }
}
