using Ocpp16.Messages;

namespace Station.Hardware.Simulated;

/// <summary>
/// The simulated hardware of a whole station: its connectors, one RFID reader and the stop
/// buttons. It outlives station instances (a soft reset restarts the software, not the
/// hardware), reporting every physical change to the attached station.
/// </summary>
public sealed class SimulatedStationHardware
{
    private readonly SimulatedConnector[] _connectors;
    private IStationInputs? _inputs;

    // Tamper triggerings while no station instance was attached (between a reset's instances), reported on attach.
    private readonly List<string?> _unreportedTampers = [];

    /// <summary>Builds connectors 1..n from their specs.</summary>
    public SimulatedStationHardware(IReadOnlyList<SimulatedConnectorSpec> connectors, TimeProvider timeProvider)
    {
        _connectors = [.. connectors.Select((spec, index) => new SimulatedConnector(index + 1, spec, timeProvider))];
    }

    /// <summary>The connectors, index 0 holding connector 1.</summary>
    public IReadOnlyList<SimulatedConnector> Connectors => _connectors;

    /// <summary>A fault of the whole station (connector 0), if any.</summary>
    public FaultState? StationFault { get; private set; }

    /// <summary>The connector with OCPP id <paramref name="connectorId"/>, or null.</summary>
    public SimulatedConnector? Connector(int connectorId) =>
        connectorId >= 1 && connectorId <= _connectors.Length ? _connectors[connectorId - 1] : null;

    /// <summary>
    /// Connects the hardware to a (new) station instance and reports the present physical state to it.
    /// </summary>
    public async ValueTask AttachAsync(IStationInputs inputs, CancellationToken cancellationToken = default)
    {
        _inputs = inputs;
        string?[] tampers;
        lock (_unreportedTampers)
        {
            tampers = [.. _unreportedTampers];
            _unreportedTampers.Clear();
        }

        foreach (var sensor in tampers)
        {
            await inputs.TamperDetectedAsync(sensor, cancellationToken).ConfigureAwait(false);
        }

        if (EmergencyStopPressed)
        {
            await inputs.EmergencyStopPressedAsync(cancellationToken).ConfigureAwait(false);
        }

        if (StationFault is { } stationFault)
        {
            await inputs.FaultAsync(0, stationFault.ErrorCode, stationFault.Info, cancellationToken).ConfigureAwait(false);
        }

        foreach (var connector in _connectors)
        {
            if (connector.Fault is { } fault)
            {
                await inputs.FaultAsync(connector.ConnectorId, fault.ErrorCode, fault.Info, cancellationToken).ConfigureAwait(false);
            }

            if (connector.IsPlugged)
            {
                await inputs.CablePluggedAsync(connector.ConnectorId, cancellationToken).ConfigureAwait(false);
            }
            else if (connector.IsCableInSocket)
            {
                // Only the cable is left in the socket: reported as it came about, plugged in, then the EV gone.
                await inputs.CablePluggedAsync(connector.ConnectorId, cancellationToken).ConfigureAwait(false);
                await inputs.EvDisconnectedAsync(connector.ConnectorId, cancellationToken).ConfigureAwait(false);
            }

            if (connector.IsEvSuspended)
            {
                await inputs.EvSuspendedAsync(connector.ConnectorId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Disconnects the station instance (before it is disposed).</summary>
    public void Detach() => _inputs = null;

    /// <summary>An EV is plugged in at the connector.</summary>
    public async ValueTask PlugAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        if (Require(connectorId).SetPlugged(true) && _inputs is { } inputs)
        {
            await inputs.CablePluggedAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Everything is unplugged: the EV and, for a detachable cable, the cable from the socket.</summary>
    public async ValueTask UnplugAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        var connector = Require(connectorId);
        connector.SetEvSuspended(false);
        if (connector.SetPlugged(false) && _inputs is { } inputs)
        {
            await inputs.CableUnpluggedAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The cable is unplugged at the EV side: a detachable cable stays in the socket until
    /// <see cref="UnplugAsync"/>; a fixed cable leaves with the EV.
    /// </summary>
    public async ValueTask UnplugEvAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        var connector = Require(connectorId);
        connector.SetEvSuspended(false);
        if (connector.SetEvUnplugged() && _inputs is { } inputs)
        {
            await inputs.EvDisconnectedAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The EV stops drawing current.</summary>
    public async ValueTask SuspendEvAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        if (Require(connectorId).SetEvSuspended(true) && _inputs is { } inputs)
        {
            await inputs.EvSuspendedAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The EV draws current again.</summary>
    public async ValueTask ResumeEvAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        if (Require(connectorId).SetEvSuspended(false) && _inputs is { } inputs)
        {
            await inputs.EvResumedAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A hardware fault at the connector, or at the whole station for connector 0.</summary>
    public async ValueTask FaultAsync(int connectorId, ChargePointErrorCode errorCode, string? info = null, CancellationToken cancellationToken = default)
    {
        var fault = new FaultState(errorCode, info);
        if (connectorId == 0)
        {
            StationFault = fault;
        }
        else
        {
            Require(connectorId).SetFault(fault);
        }

        if (_inputs is { } inputs)
        {
            await inputs.FaultAsync(connectorId, errorCode, info, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The fault is gone.</summary>
    public async ValueTask ClearFaultAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        if (connectorId == 0)
        {
            StationFault = null;
        }
        else
        {
            Require(connectorId).SetFault(null);
        }

        if (_inputs is { } inputs)
        {
            await inputs.FaultClearedAsync(connectorId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A card is presented at the reader.</summary>
    public ValueTask PresentCardAsync(string idTag, CancellationToken cancellationToken = default) =>
        _inputs?.IdTagPresentedAsync(idTag, cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>The stop button of the connector is pressed.</summary>
    public ValueTask PressStopButtonAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        Require(connectorId);
        return _inputs?.StopButtonPressedAsync(connectorId, cancellationToken) ?? ValueTask.CompletedTask;
    }

    /// <summary>Whether the emergency stop is pressed.</summary>
    public bool EmergencyStopPressed { get; private set; }

    /// <summary>The emergency stop is pressed (latching until released).</summary>
    public ValueTask PressEmergencyStopAsync(CancellationToken cancellationToken = default)
    {
        EmergencyStopPressed = true;
        return _inputs?.EmergencyStopPressedAsync(cancellationToken) ?? ValueTask.CompletedTask;
    }

    /// <summary>The emergency stop is released.</summary>
    public ValueTask ReleaseEmergencyStopAsync(CancellationToken cancellationToken = default)
    {
        EmergencyStopPressed = false;
        return _inputs?.EmergencyStopReleasedAsync(cancellationToken) ?? ValueTask.CompletedTask;
    }

    /// <summary>How many times a tamper sensor was triggered.</summary>
    public int TamperCount { get; private set; }

    /// <summary>
    /// A tamper detection sensor is triggered (<paramref name="sensor"/>: which one, or null). Reported
    /// to the attached station at once; with none attached (a reset in progress), to the next one.
    /// </summary>
    public ValueTask TriggerTamperAsync(string? sensor = null, CancellationToken cancellationToken = default)
    {
        // Checked here too: one remembered for the next instance must not fail that instance's attach.
        if (sensor is not null && (sensor.Trim().Length == 0 || sensor.Length > 50))
        {
            throw new ArgumentException($"sensor '{sensor}' must be 1 to 50 characters, or absent", nameof(sensor));
        }

        TamperCount++;
        if (_inputs is { } inputs)
        {
            return inputs.TamperDetectedAsync(sensor, cancellationToken);
        }

        lock (_unreportedTampers)
        {
            // Bounded: a sensor that fires in a loop while no station listens is remembered a few times only.
            if (_unreportedTampers.Count < 16)
            {
                _unreportedTampers.Add(sensor);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Mains power fails; the station runs on backup power until it has shut down.</summary>
    public ValueTask FailMainsPowerAsync(CancellationToken cancellationToken = default) =>
        _inputs?.MainsPowerFailedAsync(cancellationToken) ?? ValueTask.CompletedTask;

    private SimulatedConnector Require(int connectorId) =>
        Connector(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId), connectorId, $"connector {connectorId} does not exist");
}
