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
internal sealed class AutomaticTransactions(FleetStation station, FleetSettings settings, TimeProvider timeProvider) : IDisposable
{
    /// <summary>How long a step waits for the station to answer it (the card's transaction to start or stop) before going on.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    // One card at a time per station: with several connectors waiting, a card could prepare another one (one reader, TC_006).
    private readonly SemaphoreSlim _reader = new(1, 1);
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
        var random = RandomFor(settings.Seed, settings.FirstIndex + station.Position, connectorId);
        try
        {
            // The first plug-in is spread over one pause, so that connectors do not move in step.
            await Task.Delay(settings.TxPause.Draw(random), timeProvider, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                await CycleAsync(connectorId, random, cancellationToken).ConfigureAwait(false);
                await Task.Delay(settings.TxPause.Draw(random), timeProvider, cancellationToken).ConfigureAwait(false);
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
        await _reader.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = WaitForStatusAsync(connectorId, s => s is ChargePointStatus.Charging or ChargePointStatus.SuspendedEV or ChargePointStatus.SuspendedEVSE, cancellationToken);
            await hardware.PlugAsync(connectorId, cancellationToken).ConfigureAwait(false);
            await hardware.PresentCardAsync(idTag, cancellationToken).ConfigureAwait(false);
            await started.ConfigureAwait(false);
        }
        finally
        {
            _reader.Release();
        }

        await Task.Delay(settings.TxDuration.Draw(random), timeProvider, cancellationToken).ConfigureAwait(false);
        if (InTransaction(station.Status(connectorId)))
        {
            var stopped = WaitForStatusAsync(connectorId, s => !InTransaction(s), cancellationToken);
            await hardware.PresentCardAsync(idTag, cancellationToken).ConfigureAwait(false);
            await stopped.ConfigureAwait(false);
        }

        await hardware.UnplugAsync(connectorId, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _cycles);
    }

    private static bool InTransaction(ChargePointStatus status) =>
        status is ChargePointStatus.Charging or ChargePointStatus.SuspendedEV or ChargePointStatus.SuspendedEVSE;

    private async Task WaitOnlineAsync(CancellationToken cancellationToken)
    {
        while (station.Runner.Current is not { } current || !current.Link.IsOnline)
        {
            if (station.Runner.Current is { } instance)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(StepTimeout);
                try
                {
                    await instance.Link.WaitUntilOnlineAsync(bounded.Token).ConfigureAwait(false);
                    continue;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Completes when the connector reports a status that satisfies the predicate, or after StepTimeout in the station's clock.
    private async Task WaitForStatusAsync(int connectorId, Func<ChargePointStatus, bool> predicate, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStatus(int id, ChargePointStatus status)
        {
            if (id == connectorId && predicate(status))
            {
                reached.TrySetResult();
            }
        }

        station.StatusChanged += OnStatus;
        try
        {
            await reached.Task.WaitAsync(StepTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The station did not answer the step (offline, card refused): the driver goes on as a person would.
        }
        finally
        {
            station.StatusChanged -= OnStatus;
        }
    }

    public void Dispose() => _reader.Dispose();
}
