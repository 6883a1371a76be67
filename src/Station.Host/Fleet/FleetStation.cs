using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.FileTransfer;
using Station.Hardware.Simulated;
using Station.Host.Run;

namespace Station.Host.Fleet;

/// <summary>
/// One station of a fleet: the station core of <c>run</c> (<see cref="StationRunner"/>: the same
/// ChargePoint and composition, rebooting inside the process) on its own simulated hardware and
/// stores, with what the fleet counts about it read from its events, never by polling.
/// </summary>
internal sealed class FleetStation
{
    private readonly FleetCounters _counters;
    private readonly int[] _status;
    private int _connections;
    private int _booted;

    public FleetStation(
        int position, RunSettings settings, StationStores stores, SimulatedStationHardware hardware, IFileTransfer fileTransfer,
        TimeProvider timeProvider, ILoggerFactory loggerFactory, FleetCounters counters)
    {
        Position = position;
        Settings = settings;
        Hardware = hardware;
        Stores = stores;
        _counters = counters;
        _status = new int[hardware.Connectors.Count + 1];
        Array.Fill(_status, (int)ChargePointStatus.Unavailable);
        Runner = new StationRunner(settings, stores, hardware, null, fileTransfer, timeProvider, new StationIdLoggerFactory(loggerFactory, settings.ChargePointId));
        Runner.InstanceStarted += Watch;
    }

    /// <summary>0-based position in this fleet process (the index is <c>--first-index</c> + position).</summary>
    public int Position { get; }

    public string Id => Settings.ChargePointId;

    public RunSettings Settings { get; }

    public StationRunner Runner { get; }

    public SimulatedStationHardware Hardware { get; }

    public StationStores Stores { get; }

    /// <summary>The station's network as the chaos drops it; null in a group without network drops.</summary>
    public NetworkSwitch? Network { get; init; }

    public bool IsConnected => Runner.Current?.Link.IsConnected ?? false;

    public RegistrationStatus? Registration => Runner.Current?.Link.Registration;

    /// <summary>Whether a BootNotification of this station was ever accepted in this process.</summary>
    public bool Booted => Volatile.Read(ref _booted) == 1;

    /// <summary>Raised with every status the station reports (the automatic transactions wait on it).</summary>
    public event Action<int, ChargePointStatus>? StatusChanged;

    /// <summary>Raised once, when the station's first BootNotification is accepted.</summary>
    public event Action<FleetStation>? FirstBooted;

    /// <summary>The status the station last reported for <paramref name="connectorId"/> (0 is the station itself).</summary>
    public ChargePointStatus Status(int connectorId) => (ChargePointStatus)Volatile.Read(ref _status[connectorId]);

    public bool IsCharging
    {
        get
        {
            for (var i = 1; i < _status.Length; i++)
            {
                if (Status(i) == ChargePointStatus.Charging)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The power is off: the station reports nothing now, so none of its connectors counts as charging.</summary>
    public void OnPowerCut() => Array.Fill(_status, (int)ChargePointStatus.Unavailable);

    private void Watch(ChargePoint station)
    {
        station.Link.Connected += () => _counters.OnConnected(Interlocked.Increment(ref _connections) == 1);
        station.Connectors.StatusReported += (connectorId, status) =>
        {
            Volatile.Write(ref _status[connectorId], (int)status.Status);
            StatusChanged?.Invoke(connectorId, status.Status);
        };
        station.Boot.Accepted += () =>
        {
            if (Interlocked.Exchange(ref _booted, 1) == 0)
            {
                FirstBooted?.Invoke(this);
            }
        };
    }
}
