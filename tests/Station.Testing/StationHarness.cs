using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Diagnostics;
using Station.FileTransfer;
using Station.Hardware.Simulated;
using Station.Storage.Sqlite;
using Ocpp16.Rpc;
using Station.Transactions;

namespace Station.Testing;

/// <summary>
/// A real station against the real built-in Central System over loopback WebSockets, with a real
/// SQLite file, simulated hardware and virtual time shared by both sides. It restarts the station
/// on Reset and after a firmware installation as the host does, can simulate a power loss, checks every frame the station sends
/// against the official schemas and fails on unexpected error logs when disposed.
/// </summary>
public sealed class StationHarness : IAsyncDisposable
{
    private readonly StationHarnessOptions _options;
    private readonly TempDirectory _dataDirectory = new();
    private readonly CancellationTokenSource _stopping = new();
    private StationDatabase? _database;
    private StationStores? _stores;
    private Task _running = Task.CompletedTask;
    private StationSession? _booted;
    private CancellationTokenSource? _instanceStopping;
    private TaskCompletionSource<ChargePoint> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StationHarness(StationHarnessOptions options, CentralSystemServer csms, TestLogSink logs, VirtualClock clock)
    {
        _options = options;
        Csms = csms;
        Logs = logs;
        Clock = clock;
        Hardware = CreateHardware(new Dictionary<int, double>());
        Trace = new StationTrace(Path.Combine(DataDirectory, "logs"), Clock);
    }

    /// <summary>The station's message trace and event log (in DataDirectory/logs, virtual time), as the host keeps it.</summary>
    public StationTrace Trace { get; }

    /// <summary>The station's file transfer (real FTP, HTTP and HTTPS with the system's trust); ConfigureStation may replace it.</summary>
    public FileTransferClient FileTransfer { get; } = new();

    /// <summary>Virtual time of the station and the Central System.</summary>
    public VirtualClock Clock { get; }

    /// <summary>
    /// The station's response timeout in tests: an odd value, so that no interval a test waits for
    /// (retries, back-offs, heartbeats) coincides with the timeout timer of a CALL in flight.
    /// </summary>
    public static TimeSpan ResponseTimeout { get; } = TimeSpan.FromSeconds(47);

    /// <summary>The back-off of a station behind a cuttable network: constant, so a test knows the next dial is at most this far.</summary>
    public static TimeSpan CuttableBackOff { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The station's meter checkpoint period in tests: odd for the same reason.</summary>
    public static TimeSpan MeterCheckpointInterval { get; } = TimeSpan.FromSeconds(53);

    /// <summary>The Central System.</summary>
    public CentralSystemServer Csms { get; }

    /// <summary>The station's network, when <see cref="StationHarnessOptions.CuttableNetwork"/> is set.</summary>
    public NetworkLink? Network { get; private set; }

    /// <summary>The simulated hardware (it survives station restarts, not <see cref="RestartProcessAsync"/>).</summary>
    public SimulatedStationHardware Hardware { get; private set; }

    /// <summary>Every log entry of both sides.</summary>
    public TestLogSink Logs { get; }

    /// <summary>Checks every frame the station sends.</summary>
    public SchemaCheckingObserver Schemas { get; } = new();

    /// <summary>The charge point identity.</summary>
    public string ChargePointId => _options.ChargePointId;

    /// <summary>The station's data directory.</summary>
    public string DataDirectory => _dataDirectory.Path;

    /// <summary>The running station instance.</summary>
    public ChargePoint Station { get; private set; } = null!;

    /// <summary>How many station instances ran (1 + reboots + power losses).</summary>
    public int Instances { get; private set; }

    /// <summary>Starts the Central System and the station.</summary>
    public static async Task<StationHarness> StartAsync(StationHarnessOptions? options = null)
    {
        options ??= new StationHarnessOptions();
        var logs = new TestLogSink(options.Output);
        var clock = new VirtualClock();
        var csms = await CentralSystemServer.StartAsync(options.CentralSystem with { Port = 0 }, logs.CreateFactory(), clock).OrTimeout();
        var harness = new StationHarness(options, csms, logs, clock);
        harness.Network = options.CuttableNetwork ? NetworkLink.Start(csms.Port) : null;
        options.ScriptCentralSystem?.Invoke(csms, clock);
        await harness.StartStationAsync();
        return harness;
    }

    /// <summary>Waits for the station's (next) connection to the Central System.</summary>
    public Task<StationSession> WaitForSessionAsync(Func<StationSession, bool>? predicate = null) =>
        Csms.WaitForStationAsync(ChargePointId, predicate ?? (s => s.IsConnected)).OrTimeout();

    /// <summary>
    /// Completes with the next station instance to start; read it before the action that restarts
    /// the station (a Reset), then await it.
    /// </summary>
    public Task<ChargePoint> NextInstance => _started.Task;

    /// <summary>
    /// Waits until the station is registered: BootNotification accepted and a StatusNotification for
    /// connector 0 and every connector; returns the session.
    /// </summary>
    public async Task<StationSession> BootAsync()
    {
        // After a restart the old session may not have noticed its end yet: wait for a new one.
        var previous = _booted;
        var session = await WaitForSessionAsync(s => s != previous && s.IsConnected);
        _booted = session;
        await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        for (var connectorId = 0; connectorId <= _options.Model.Connectors.Count; connectorId++)
        {
            var id = connectorId;
            await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == id).OrTimeout();
        }

        return session;
    }

    /// <summary>
    /// Advances virtual time timer by timer, letting the station finish what each timer started
    /// before the next one fires, so every reading and message carries the time it was due.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var target = Clock.GetUtcNow() + delta;
        do
        {
            await Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        }
        while (Clock.StepTowards(target));

        await Station.Runtime.Background.WhenIdleAsync().OrTimeout();
    }

    /// <summary>
    /// A barrier for "nothing else was sent" checks: waits until the station's background work is
    /// done, then sends a Heartbeat through its ordered queue; whatever the station had queued
    /// before has reached the Central System when this returns. Needs the station online.
    /// </summary>
    public async Task FlushAsync()
    {
        await Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await Station.Outgoing.SendAsync(new HeartbeatRequest()).OrTimeout();
    }

    /// <summary>Cuts the network and waits until the station noticed (its connection closed).</summary>
    public async Task GoOfflineAsync()
    {
        var network = Network ?? throw new InvalidOperationException("start the harness with CuttableNetwork");
        await network.CutAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (Station.Link.IsConnected)
        {
            await Logs.WaitForAsync(e => e.EventId.Id == 107 && e.Category.StartsWith("Station", StringComparison.Ordinal));
            await Task.Yield();
        }
    }

    /// <summary>Restores the network and lets virtual time pass until the station reconnected; returns the new session.</summary>
    public async Task<StationSession> GoOnlineAsync(StationSession previous)
    {
        Network!.Restore();
        var reconnected = WaitForSessionAsync(s => s != previous && s.IsConnected);
        for (var attempt = 0; !reconnected.IsCompleted; attempt++)
        {
            if (attempt == 8)
            {
                throw new TimeoutException("the station did not reconnect after the network came back");
            }

            // A cuttable network uses a constant 1 s back-off: the next dial is at most a second away.
            await Task.WhenAny(reconnected, Clock.WaitForTimerWithinAsync(CuttableBackOff)).OrTimeout();
            if (!reconnected.IsCompleted)
            {
                var failedDial = Logs.WaitForAsync(e => e.EventId.Id == 110, Logs.Count);
                Clock.Advance(CuttableBackOff);
                await Task.WhenAny(reconnected, failedDial).OrTimeout();
            }
        }

        return await reconnected;
    }

    /// <summary>Simulates a power loss: the station instance stops without ending anything, then a new one starts over the same data.</summary>
    public async Task PowerCycleAsync()
    {
        await StopInstanceAsync();
        await StartStationAsync();
    }

    /// <summary>
    /// As <c>kill -9</c> of the <c>run</c> process and a new process on the same data directory: the
    /// station instance stops without ending anything, and the simulated hardware starts anew as
    /// the host builds it (nothing plugged, no fault), each meter resuming from the register floor
    /// the station persisted.
    /// </summary>
    public async Task RestartProcessAsync()
    {
        await StopInstanceAsync();
        await StartStationAsync(freshHardware: true);
    }

    /// <summary>The transaction journal of the data directory.</summary>
    public ITransactionStore TransactionStore => _stores!.Transactions;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopInstanceAsync();
        if (Network is { } network)
        {
            await network.DisposeAsync();
        }

        await Csms.DisposeAsync();
        Trace.Dispose();
        FileTransfer.Dispose();
        _database?.Dispose();
        _dataDirectory.Dispose();
        _stopping.Dispose();
        Schemas.AssertValid();
        Logs.AssertNoErrors();
    }

    private SimulatedStationHardware CreateHardware(IReadOnlyDictionary<int, double> registers) => new(
        [.. _options.Model.Connectors.Select((c, i) => new SimulatedConnectorSpec
        {
            Phases = c.Phases,
            VoltageV = c.VoltageV,
            FixedCable = c.FixedCable,
            EvPowerW = Math.Min(_options.EvPowerW, c.MaxPowerW),
            InitialEnergyWh = registers.GetValueOrDefault(i + 1),
        })],
        Clock);

    private async Task StartStationAsync(bool freshHardware = false)
    {
        (_stores, _database) = SqliteStationStorage.Open(DataDirectory);
        _stores = _options.WrapStores?.Invoke(_stores) ?? _stores;
        if (freshHardware)
        {
            Hardware = CreateHardware(_stores.Transactions.LoadRegisters());
        }

        foreach (var (key, value) in _options.Configuration)
        {
            _stores.Configuration.Save(key, value);
        }

        _instanceStopping = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var started = NextInstance;
        _running = RunInstancesAsync(_stores, _instanceStopping.Token);
        Station = await started.OrTimeout();
    }

    // Runs station instances as the host does: a Reset ends one and starts the next.
    private async Task RunInstancesAsync(StationStores stores, CancellationToken cancellationToken)
    {
        var options = new ChargePointOptions
        {
            ChargePointId = _options.ChargePointId,
            CentralSystemUri = Network is { } network ? new UriBuilder(Csms.Endpoint) { Port = network.Port }.Uri : Csms.Endpoint,
            Reconnect = _options.CuttableNetwork ? new ReconnectPolicy { InitialDelay = CuttableBackOff, MaxDelay = CuttableBackOff, Jitter = 0 } : _options.Reconnect,
            Rpc = new Ocpp16.Rpc.RpcOptions { ResponseTimeout = ResponseTimeout },
            MeterCheckpointInterval = MeterCheckpointInterval,
            FrameObserver = Schemas,
            FileTransfer = FileTransfer,
            FirmwareInstaller = new SimulatedFirmwareInstaller(),
            Trace = Trace,
            DataDirectory = DataDirectory,

            // Off unless a test asks for it: a tick every minute would be one more deadline on the grid the
            // tests step virtual time over (a sample every 60 s, "the timer due in 60 s"); ResourceWatchTests turn it on.
            ResourceCheckInterval = TimeSpan.Zero,
        };
        options = _options.ConfigureStation?.Invoke(options) ?? options;
        while (!cancellationToken.IsCancellationRequested)
        {
            var loggerFactory = Logs.CreateFactory();
            loggerFactory.AddProvider(Trace);
            var station = new ChargePoint(_options.Model, options, Hardware.Connectors, stores, Clock, loggerFactory, _options.Composition ?? global::Station.Composition.StationComposition.Default);
            await using (station)
            {
                await Hardware.AttachAsync(station.Inputs, cancellationToken);
                Station = station;
                Instances++;
                var started = _started;
                _started = new TaskCompletionSource<ChargePoint>(TaskCreationOptions.RunContinuationsAsynchronously);
                started.TrySetResult(station);
                var exit = await station.RunAsync(cancellationToken);
                Hardware.Detach();
                if (!exit.IsReboot)
                {
                    return;
                }
            }
        }
    }

    private async Task StopInstanceAsync()
    {
        if (_instanceStopping is null)
        {
            return;
        }

        await _instanceStopping.CancelAsync();
        await _running.OrTimeout();
        _instanceStopping.Dispose();
        _instanceStopping = null;
        _database?.Dispose();
        _database = null;
    }
}
