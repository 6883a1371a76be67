namespace Station.Hardware.Simulated;

/// <summary>
/// One simulated connector with the EV at its end: the physical state a tester changes through
/// the control API, and the contactor, meter and lock the station drives.
/// </summary>
public sealed class SimulatedConnector : IConnectorHardware
{
    private readonly SimulatedConnectorSpec _spec;
    private readonly SimulatedEnergyMeter _meter;
    private readonly Lock _gate = new();
    private bool _plugged;
    private bool _cableInSocket;
    private bool _evSuspended;
    private FaultState? _fault;

    internal SimulatedConnector(int connectorId, SimulatedConnectorSpec spec, TimeProvider timeProvider)
    {
        ConnectorId = connectorId;
        _spec = spec;
        _meter = new SimulatedEnergyMeter(timeProvider, spec, CurrentPowerW, () => PowerController);
        Contactor = new SimulatedContactor(_meter.Settle);
        PowerController = new SimulatedPowerController(_meter.Settle);
        Lock = spec.FixedCable ? null : new SimulatedConnectorLock();
    }

    /// <inheritdoc/>
    public int ConnectorId { get; }

    /// <inheritdoc cref="IConnectorHardware.Contactor"/>
    public SimulatedContactor Contactor { get; }

    IContactor IConnectorHardware.Contactor => Contactor;

    /// <inheritdoc/>
    public IEnergyMeter Meter => _meter;

    /// <inheritdoc cref="IConnectorHardware.Lock"/>
    public SimulatedConnectorLock? Lock { get; }

    IConnectorLock? IConnectorHardware.Lock => Lock;

    /// <inheritdoc cref="IConnectorHardware.PowerController"/>
    public SimulatedPowerController PowerController { get; }

    IPowerController? IConnectorHardware.PowerController => PowerController;

    /// <summary>Whether an EV is connected.</summary>
    public bool IsPlugged
    {
        get
        {
            lock (_gate)
            {
                return _plugged;
            }
        }
    }

    /// <summary>Whether a detachable cable is in the station's socket, with or without the EV at its other end.</summary>
    public bool IsCableInSocket
    {
        get
        {
            lock (_gate)
            {
                return _cableInSocket;
            }
        }
    }

    /// <summary>Whether the EV refuses to draw current.</summary>
    public bool IsEvSuspended
    {
        get
        {
            lock (_gate)
            {
                return _evSuspended;
            }
        }
    }

    /// <summary>The present fault, if any.</summary>
    public FaultState? Fault
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }
    }

    /// <summary>The energy register in Wh.</summary>
    public double EnergyWh => _meter.EnergyWh;

    /// <summary>
    /// The power the EV draws now: only through a closed contactor, into a willing EV, without a
    /// fault, and no more than it wants or the pilot signal offers (a charging limit).
    /// </summary>
    public double CurrentPowerW() =>
        // Lock-free on purpose: the meter calls this while holding its own lock.
        Contactor.IsClosed && Volatile.Read(ref _plugged) && !Volatile.Read(ref _evSuspended) && Volatile.Read(ref _fault) is null
            ? Math.Min(_spec.EvPowerW, PowerController.MaxPowerW(_spec.VoltageV, _spec.Phases))
            : 0;

    // Plugged in at both ends, or everything unplugged; true when something changed.
    internal bool SetPlugged(bool plugged)
    {
        lock (_gate)
        {
            var inSocket = plugged && !_spec.FixedCable;
            if (_plugged == plugged && _cableInSocket == inSocket)
            {
                return false;
            }

            // Book the energy at the old power before the power changes.
            _meter.Settle();
            Volatile.Write(ref _plugged, plugged);
            _cableInSocket = inSocket;
            return true;
        }
    }

    // Unplugged at the EV side: a detachable cable stays in the socket, a fixed one leaves with the EV.
    internal bool SetEvUnplugged()
    {
        if (_spec.FixedCable)
        {
            return SetPlugged(false);
        }

        lock (_gate)
        {
            if (!_plugged)
            {
                return false;
            }

            _meter.Settle();
            Volatile.Write(ref _plugged, false);
            return true;
        }
    }

    internal bool SetEvSuspended(bool suspended)
    {
        lock (_gate)
        {
            if (_evSuspended == suspended)
            {
                return false;
            }

            _meter.Settle();
            Volatile.Write(ref _evSuspended, suspended);
            return true;
        }
    }

    internal void SetFault(FaultState? fault)
    {
        lock (_gate)
        {
            _meter.Settle();
            Volatile.Write(ref _fault, fault);
        }
    }
}
