using Ocpp16.Messages;

namespace Station.Hardware;

/// <summary>
/// How sensors, readers and buttons report physical events to the station. The station implements
/// it; a driver calls it. When a driver is attached it reports the current physical state (a cable
/// already plugged in, a fault already present) through the same calls.
/// </summary>
public interface IStationInputs
{
    /// <summary>An EV is connected to the connector (for a detachable cable: plugged at both ends).</summary>
    ValueTask CablePluggedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Everything was unplugged: the EV is gone and, for a detachable cable, the cable is out of the
    /// socket too.
    /// </summary>
    ValueTask CableUnpluggedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The EV was unplugged at the EV side. A detachable cable stays in the station's socket (the
    /// connector stays occupied until <see cref="CableUnpluggedAsync"/>); for a fixed cable this is
    /// the same as <see cref="CableUnpluggedAsync"/>.
    /// </summary>
    ValueTask EvDisconnectedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>The EV stopped drawing current although power is offered (SuspendedEV).</summary>
    ValueTask EvSuspendedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>The EV draws current again.</summary>
    ValueTask EvResumedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>A fault appeared at the connector, or at the whole station for connector 0.</summary>
    ValueTask FaultAsync(int connectorId, ChargePointErrorCode errorCode, string? info = null, CancellationToken cancellationToken = default);

    /// <summary>The fault of the connector (or of the station, for 0) is gone.</summary>
    ValueTask FaultClearedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>An identifier (RFID card, app token) was presented at the reader.</summary>
    ValueTask IdTagPresentedAsync(string idTag, CancellationToken cancellationToken = default);

    /// <summary>The local stop button of the connector was pressed.</summary>
    ValueTask StopButtonPressedAsync(int connectorId, CancellationToken cancellationToken = default);

    /// <summary>The emergency stop was pressed: every transaction ends at once and the station is out of service until released.</summary>
    ValueTask EmergencyStopPressedAsync(CancellationToken cancellationToken = default);

    /// <summary>The emergency stop was released.</summary>
    ValueTask EmergencyStopReleasedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A physical tamper detection sensor was triggered (the enclosure opened, a seal broken): the
    /// station raises the security event TamperDetectionActivated. An edge, not a state: each
    /// triggering is one call.
    /// </summary>
    /// <param name="sensor">Which sensor, 1 to 50 characters (e.g. "enclosure door"), or null for the only one.</param>
    /// <param name="cancellationToken">Cancels the report.</param>
    ValueTask TamperDetectedAsync(string? sensor = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Mains power failed and the station runs on backup power (AQ-7.1): it stops its transactions
    /// with reason PowerLoss, tries to deliver their StopTransaction, and shuts down.
    /// </summary>
    ValueTask MainsPowerFailedAsync(CancellationToken cancellationToken = default);
}
