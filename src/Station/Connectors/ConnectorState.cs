using Ocpp16.Messages;

namespace Station.Connectors;

/// <summary>
/// The state of one connector (0 is the station as a whole). Only its owner, the connector block
/// (<see cref="ConnectorService"/>), writes it: the hardware inputs, the transaction block (its
/// session phase) and the blocks that hold a connector (<see cref="IConnectorHolds"/>: maintenance,
/// reservations) ask it to. Other blocks read it. Its OCPP status is derived from all of it, never set.
/// </summary>
public sealed class ConnectorState(int id)
{
    /// <summary>The OCPP connector id.</summary>
    public int Id { get; } = id;

    /// <summary>Whether an EV is connected.</summary>
    public bool CablePlugged { get; internal set; }

    /// <summary>
    /// Whether a detachable cable is still in the socket after the EV was unplugged from its other
    /// end (TC_005): the connector stays occupied (Finishing after a session) until it is removed.
    /// </summary>
    public bool CableInSocket { get; internal set; }

    /// <summary>
    /// On connector 0: an authorization waits for a cable on whichever free connector gets one first
    /// (several were free), so every connector without a session shows Preparing meanwhile (OCTT's
    /// reusable state Authorized).
    /// </summary>
    public bool AuthorizationUnassigned { get; internal set; }

    /// <summary>Whether the EV declines to draw current.</summary>
    public bool EvSuspended { get; internal set; }

    /// <summary>The present fault, if any.</summary>
    public ConnectorFault? Fault { get; internal set; }

    /// <summary>Operative or Inoperative, as the Central System last set it (persisted).</summary>
    public AvailabilityType Availability { get; internal set; } = AvailabilityType.Operative;

    /// <summary>An availability change that waits for the running transaction to end (persisted).</summary>
    public AvailabilityType? ScheduledAvailability { get; internal set; }

    /// <summary>The session phase published by the transaction block.</summary>
    public SessionPhase Session { get; internal set; }

    /// <summary>Whether the emergency stop is pressed (meaningful on connector 0, the station).</summary>
    public bool EmergencyStopped { get; internal set; }

    /// <summary>Whether a reservation holds the connector.</summary>
    public bool Reserved { get; internal set; }

    /// <summary>Whether maintenance (a firmware installation) makes the connector unavailable.</summary>
    public bool InMaintenance { get; internal set; }

    /// <summary>Whether a charging limit withholds power (Smart Charging: a limit of 0 or below minChargingRate).</summary>
    public bool PowerWithheld { get; internal set; }

    /// <summary>Whether a transaction runs on the connector.</summary>
    public bool HasTransaction => Session is SessionPhase.Charging or SessionPhase.SuspendedByStation;

    /// <summary>Whether a new session may begin here: no fault, operative, no transaction.</summary>
    public bool IsUsable(ConnectorState station) =>
        EffectiveFault(station) is null && Availability == AvailabilityType.Operative
        && station.Availability == AvailabilityType.Operative && !InMaintenance && !HasTransaction;

    /// <summary>The fault that applies here: the connector's own, the emergency stop, or the station's.</summary>
    public ConnectorFault? EffectiveFault(ConnectorState station) =>
        Fault ?? (station.EmergencyStopped ? EmergencyStopFault : null) ?? station.Fault;

    private static readonly ConnectorFault EmergencyStopFault = new(ChargePointErrorCode.OtherError, "emergency stop");

    /// <summary>The status this state amounts to (OCPP 1.6 §4.9, the connector state diagram).</summary>
    public StatusSnapshot Evaluate(ConnectorState station)
    {
        if (Id == 0)
        {
            return EffectiveFault(this) is { } stationFault ? new(ChargePointStatus.Faulted, stationFault.ErrorCode, stationFault.Info)
                : Availability == AvailabilityType.Inoperative ? new(ChargePointStatus.Unavailable)
                : new(ChargePointStatus.Available);
        }

        if (EffectiveFault(station) is { } fault)
        {
            return new(ChargePointStatus.Faulted, fault.ErrorCode, fault.Info);
        }

        if (HasTransaction)
        {
            // C-06.1: a transaction kept after the EV left is suspended on the EV side.
            return !CablePlugged ? new(ChargePointStatus.SuspendedEV, Info: "EV side disconnected")
                : Session == SessionPhase.SuspendedByStation || PowerWithheld ? new(ChargePointStatus.SuspendedEVSE)
                : EvSuspended ? new(ChargePointStatus.SuspendedEV)
                : new(ChargePointStatus.Charging);
        }

        if (Availability == AvailabilityType.Inoperative || station.Availability == AvailabilityType.Inoperative || InMaintenance)
        {
            return new(ChargePointStatus.Unavailable);
        }

        // Reserved while free: the reserving idTag authorized here makes it Preparing (TC_046_1); a cable alone does not (TC_049).
        return Session == SessionPhase.Finishing ? new(ChargePointStatus.Finishing)
            : Session == SessionPhase.Authorized ? new(ChargePointStatus.Preparing)
            : Reserved ? new(ChargePointStatus.Reserved)
            : CablePlugged || CableInSocket || (station.AuthorizationUnassigned && Session == SessionPhase.Idle) ? new(ChargePointStatus.Preparing)
            : new(ChargePointStatus.Available);
    }
}
