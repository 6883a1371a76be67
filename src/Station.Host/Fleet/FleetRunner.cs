using Microsoft.Extensions.Logging;
using Station.FileTransfer;
using Station.Host.Run;
using Station.Security.Events;

namespace Station.Host.Fleet;

/// <summary>
/// The stations of a fleet: built from the settings, started at <c>--ramp</c> per second, counted,
/// and stopped in order (each as <c>run</c> stops on SIGTERM: running transactions end with reason
/// Reboot and their StopTransaction is given time to leave).
/// </summary>
internal sealed class FleetRunner : IDisposable
{
    // The stations read memory and storage once a minute each; the figures are the process's, so
    // one reading serves every station that asks within this age.
    private static readonly TimeSpan ResourceReadingAge = TimeSpan.FromSeconds(10);

    private readonly FleetSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly List<FleetStation> _stations = [];
    private readonly Dictionary<string, FleetStation> _byId = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<TimeSpan> _allBooted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _started = [];
    private readonly List<AutomaticTransactions> _drivers = [];
    private readonly List<Task> _driving = [];
    private readonly CancellationTokenSource _stopDriving = new();
    private readonly ILogger _chaosLogger;
    private long _startedAt;
    private int _booted;

    public FleetRunner(FleetSettings settings, FleetStorage storage, IFileTransfer fileTransfer, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _chaosLogger = loggerFactory.CreateLogger("Station.Fleet.Chaos");
        Counters = new FleetCounters();
        var resources = new SharedResourceGauge(new ProcessResourceGauge(settings.DataDirectory), ResourceReadingAge, timeProvider);
        for (var position = 0; position < settings.Stations; position++)
        {
            var id = settings.StationId(position);
            var group = settings.GroupOf(position);
            var stores = storage.For(settings.Index(position));
            var hardware = StationFactory.CreateHardware(group.Model, group.EvPowerW, stores, timeProvider);
            var address = settings.SourceAddress(position);

            // Only a group with network drops gets a switch: the others' connections go as before.
            var network = group.Chaos.DisconnectsPerHour > 0 ? new NetworkSwitch() : null;
            var run = new RunSettings
            {
                Model = group.Model,
                ChargePointId = id,
                CentralSystemUri = settings.CentralSystemUri(position),
                DataDirectory = storage.StationDirectory(id),
                ControlPort = 0,
                EvPowerW = group.EvPowerW,
                Durability = settings.Durability,
                FrameObserver = settings.WrapFrameObserver is { } wrap ? wrap(id, new StationFrameCounter(Counters)) : new StationFrameCounter(Counters),
                ConfigureConnection = NetworkSwitch.Compose(network, address),
                ResourceGauge = resources,
            };
            var station = new FleetStation(position, run, stores, hardware, fileTransfer, timeProvider, loggerFactory, Counters) { Network = network };
            station.FirstBooted += OnFirstBooted;
            _stations.Add(station);
            _byId.Add(id, station);
        }
    }

    public FleetCounters Counters { get; }

    /// <summary>Whether the automatic drivers are awake (the barrier of the virtual-time tests).</summary>
    public DriverActivity Activity { get; } = new();

    public IReadOnlyList<FleetStation> Stations => _stations;

    /// <summary>Completes with the time from the start until every station's BootNotification was accepted.</summary>
    public Task<TimeSpan> AllBooted => _allBooted.Task;

    /// <summary>The time since <see cref="StartAsync"/> began, in the fleet's clock.</summary>
    public TimeSpan Elapsed => _startedAt == 0 ? TimeSpan.Zero : _timeProvider.GetElapsedTime(_startedAt);

    /// <summary>Transactions the automatic drivers completed, plug to unplug.</summary>
    public long AtgCycles
    {
        get
        {
            lock (_started)
            {
                return _drivers.Sum(d => d.Cycles);
            }
        }
    }

    public FleetStation? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Starts every station, <c>--ramp</c> per second; returns once the last one is started (not booted).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = _timeProvider.GetTimestamp();
        for (var i = 0; i < _stations.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / _settings.Ramp) - _timeProvider.GetElapsedTime(_startedAt);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(due, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            lock (_started)
            {
                // Not the start's token: a station ends through StopAsync (an orderly shutdown), never by its run being cancelled under it.
                _started.Add(_stations[i].Runner.StartAsync(CancellationToken.None));
                var group = _settings.GroupOf(i);
                if (group.Atg)
                {
                    var driver = new AutomaticTransactions(_stations[i], group, _settings.Seed, _settings.Index(i), _timeProvider, Activity);
                    _drivers.Add(driver);
                    _driving.Add(driver.RunAsync(_stopDriving.Token));
                }

                if (group.Chaos.IsOn)
                {
                    var chaos = new StationChaos(_stations[i], group.Chaos, _settings.Seed, _settings.Index(i), _timeProvider, Activity, Counters, _chaosLogger);
                    _driving.Add(chaos.RunAsync(_stopDriving.Token));
                }
            }
        }
    }

    /// <summary>Stops every started station at once, each in order.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        int started;
        lock (_started)
        {
            started = _started.Count;
        }

        // The drivers first: nobody plugs in while the stations shut down.
        await StopDrivingAsync().ConfigureAwait(false);
        await Task.WhenAll(_stations.Take(started).Select(s => s.Runner.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Ends the automatic drivers and the chaos (a network down comes back up, a power cut ends), the stations left running.</summary>
    public async Task StopDrivingAsync()
    {
        Task[] driving;
        lock (_started)
        {
            driving = [.. _driving];
        }

        await _stopDriving.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(driving).ConfigureAwait(false);
    }

    public FleetCounts Counts()
    {
        int started;
        lock (_started)
        {
            started = _started.Count;
        }

        int connected = 0, charging = 0;
        foreach (var station in _stations)
        {
            connected += station.IsConnected ? 1 : 0;
            charging += station.IsCharging ? 1 : 0;
        }

        var c = Counters;
        return new FleetCounts(
            _stations.Count, started, connected, Volatile.Read(ref _booted), charging, c.Sent, c.Received, c.Errors, c.Reconnects,
            c.ResponseTimes.PercentileMs(0.5), c.ResponseTimes.PercentileMs(0.99), c.ChaosDisconnects, c.ChaosPowerLosses,
            _settings.Groups.Any(g => g.Chaos.IsOn));
    }

    private void OnFirstBooted(FleetStation station)
    {
        if (Interlocked.Increment(ref _booted) == _stations.Count)
        {
            _allBooted.TrySetResult(Elapsed);
        }
    }

    public void Dispose()
    {
        _stopDriving.Dispose();
        Counters.Dispose();
    }
}
