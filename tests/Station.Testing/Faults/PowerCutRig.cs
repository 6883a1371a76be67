using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Hardware.Simulated;
using Station.Model;
using Station.Storage.Sqlite;

namespace Station.Testing.Faults;

/// <summary>
/// A station whose power can go in the middle of a commit: like <see cref="StationHarness"/> (the
/// built-in Central System over loopback, a real SQLite file, virtual time), but its transaction
/// store is a <see cref="HoldingTransactionStore"/>, so a test can stop a write, watch what already
/// left the station, then lose the write and start a new process over the same data directory.
/// </summary>
public sealed class PowerCutRig : IAsyncDisposable
{
    private readonly StationModel _model = StationModel.Tsct2007Cp;
    private readonly TempDirectory _data = new();
    private readonly IReadOnlyDictionary<string, string> _configuration;
    private StationDatabase? _database;
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    private PowerCutRig(CentralSystemServer csms, TestLogSink logs, VirtualClock clock, IReadOnlyDictionary<string, string> configuration)
    {
        Csms = csms;
        Logs = logs;
        Clock = clock;
        _configuration = configuration;
    }

    /// <summary>Virtual time of both sides.</summary>
    public VirtualClock Clock { get; }

    /// <summary>The Central System.</summary>
    public CentralSystemServer Csms { get; }

    /// <summary>Every log entry of both sides.</summary>
    public TestLogSink Logs { get; }

    /// <summary>The store of the running process.</summary>
    public HoldingTransactionStore Store { get; private set; } = null!;

    /// <summary>The simulated hardware of the running process (new after each power cut, meters from the persisted floor).</summary>
    public SimulatedStationHardware Hardware { get; private set; } = null!;

    /// <summary>The running station.</summary>
    public ChargePoint Station { get; private set; } = null!;

    /// <summary>The charge point identity.</summary>
    public string ChargePointId { get; } = $"CUT-{Guid.NewGuid():N}"[..16];

    /// <summary>Starts the Central System and a station with <paramref name="configuration"/> stored before its first start.</summary>
    public static async Task<PowerCutRig> StartAsync(IReadOnlyDictionary<string, string> configuration, Action<string>? output = null)
    {
        var logs = new TestLogSink(output);
        var clock = new VirtualClock();
        var csms = await CentralSystemServer.StartAsync(new CentralSystemOptions { HeartbeatInterval = 60 }, logs.CreateFactory(), clock).OrTimeout();
        var rig = new PowerCutRig(csms, logs, clock, configuration);
        await rig.StartProcessAsync();
        return rig;
    }

    /// <summary>Waits for the running process's session: BootNotification and a StatusNotification of every connector.</summary>
    public async Task<StationSession> BootAsync(StationSession? previous = null)
    {
        var session = await Csms.WaitForStationAsync(ChargePointId, s => s != previous && s.IsConnected).OrTimeout();
        await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        for (var connectorId = 0; connectorId <= _model.Connectors.Count; connectorId++)
        {
            var id = connectorId;
            await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == id).OrTimeout();
        }

        return session;
    }

    /// <summary>
    /// The power goes with <paramref name="held"/> uncommitted: the held write is lost, the process
    /// ends without ending anything, and a new one starts over the same data, as after <c>kill -9</c>.
    /// </summary>
    public async Task CutPowerAsync(HeldCall held)
    {
        held.Lose();
        await StopProcessAsync();
        await StartProcessAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        await Csms.DisposeAsync();
        _data.Dispose();
    }

    private async Task StartProcessAsync()
    {
        StationStores stores;
        (stores, _database) = SqliteStationStorage.Open(_data.Path);
        foreach (var (key, value) in _configuration)
        {
            stores.Configuration.Save(key, value);
        }

        Store = new HoldingTransactionStore(stores.Transactions);
        stores = stores with { Transactions = Store };
        var registers = Store.LoadRegisters();
        Hardware = new SimulatedStationHardware(
            [.. _model.Connectors.Select((c, i) => new SimulatedConnectorSpec
            {
                Phases = c.Phases, VoltageV = c.VoltageV, FixedCable = c.FixedCable, InitialEnergyWh = registers.GetValueOrDefault(i + 1),
            })],
            Clock);
        var options = new ChargePointOptions
        {
            ChargePointId = ChargePointId,
            CentralSystemUri = Csms.Endpoint,
            Rpc = new Ocpp16.Rpc.RpcOptions { ResponseTimeout = StationHarness.ResponseTimeout },
            Reconnect = new Ocpp16.Rpc.ReconnectPolicy { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1), Jitter = 0 },
            MeterCheckpointInterval = StationHarness.MeterCheckpointInterval,
            DataDirectory = _data.Path,
        };
        Station = new ChargePoint(_model, options, Hardware.Connectors, stores, Clock, Logs.CreateFactory());
        _stopping = new CancellationTokenSource();
        await Hardware.AttachAsync(Station.Inputs, _stopping.Token);
        _running = Station.RunAsync(_stopping.Token);
    }

    private async Task StopProcessAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _running.OrTimeout();
        Hardware.Detach();
        await Station.DisposeAsync();
        _database?.Dispose();
        _stopping.Dispose();
        _stopping = null;
    }
}
