using Microsoft.Extensions.Logging;

namespace Station.Host.Fleet;

/// <summary>
/// A group's chaos at one station: network drops and power losses at random moments, a Poisson
/// process at the group's rates per station-hour, each outage as long as drawn from its range. The
/// draws come from a generator seeded by the fleet's seed and the station index, the waits are in
/// the fleet's clock (virtual in the tests) and count as a driver's waits (<see cref="DriverActivity"/>).
/// One event at a time per station: the next is drawn once the last outage is over.
/// </summary>
internal sealed class StationChaos(
    FleetStation station, ChaosSettings chaos, int seed, int index, TimeProvider timeProvider, DriverActivity activity, FleetCounters counters, ILogger logger)
{
    // Never waits longer than this between two events, however low the rate (a TimeSpan has bounds).
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(3650);
    private bool _powerOff;

    /// <summary>The generator of one station's chaos, apart from its drivers' (whose seeds differ in the connector id, at most 32).</summary>
    public static Random RandomFor(int seed, int index) => new(unchecked((seed * 1_000_003) ^ (index * 131) ^ 0x4348_4153));

    /// <summary>The wait until the next event of a Poisson process of <paramref name="perHour"/> events an hour.</summary>
    public static TimeSpan NextWait(Random random, double perHour)
    {
        var hours = -Math.Log(1 - random.NextDouble()) / perHour;
        return hours >= LongestWait.TotalHours ? LongestWait : TimeSpan.FromHours(hours);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        activity.Wake();
        try
        {
            await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            // The fleet ends its chaos, not its stations: what is down comes back.
            if (station.Network is { IsDown: true } network)
            {
                network.Up();
            }

            if (_powerOff)
            {
                station.Runner.RestorePower();
            }

            activity.Sleep();
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var random = RandomFor(seed, index);
        var rate = chaos.DisconnectsPerHour + chaos.PowerLossesPerHour;
        while (!cancellationToken.IsCancellationRequested)
        {
            await SleepAsync(NextWait(random, rate), cancellationToken).ConfigureAwait(false);

            // Both draws every time, so the sequence of events depends on the seed alone.
            var isDisconnect = random.NextDouble() * rate < chaos.DisconnectsPerHour;
            var outage = isDisconnect ? chaos.Offline.Draw(random) : chaos.PowerOff.Draw(random);
            if (isDisconnect)
            {
                await DropNetworkAsync(outage, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CutPowerAsync(outage, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The network goes: the connection closes, and every dial fails until the outage is over; the station's back-off decides when it is back.
    private async Task DropNetworkAsync(TimeSpan outage, CancellationToken cancellationToken)
    {
        var network = station.Network!;
        counters.OnChaosDisconnect();
        FleetLog.NetworkDropped(logger, station.Id, outage.TotalSeconds);
        network.Down();
        if (station.Runner.Current is { } current)
        {
            await current.Link.DisconnectAsync("network dropped (fleet chaos)", CancellationToken.None).ConfigureAwait(false);
        }

        await SleepAsync(outage, cancellationToken).ConfigureAwait(false);
        network.Up();
        FleetLog.Restored(logger, station.Id, "network");
    }

    // The power goes: the instance is dropped as by kill -9; once it is back, a new instance recovers from the stores.
    private async Task CutPowerAsync(TimeSpan outage, CancellationToken cancellationToken)
    {
        counters.OnChaosPowerLoss();
        FleetLog.PowerLost(logger, station.Id, outage.TotalSeconds);
        _powerOff = true;
        await station.Runner.CutPowerAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        station.OnPowerCut();
        await SleepAsync(outage, cancellationToken).ConfigureAwait(false);

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStarted(ChargePoint instance) => started.TrySetResult();
        station.Runner.InstanceStarted += OnStarted;
        try
        {
            _powerOff = false;
            station.Runner.RestorePower();
            await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            station.Runner.InstanceStarted -= OnStarted;
        }

        FleetLog.Restored(logger, station.Id, "power");
    }

    private Task SleepAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        new DriverWait(activity).WaitAsync(delay, timeProvider, cancellationToken);
}
