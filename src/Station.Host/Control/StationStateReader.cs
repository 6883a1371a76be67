using Ocpp16.Messages;
using Station.Hardware.Simulated;
using Station.Host.Run;

namespace Station.Host.Control;

/// <summary>
/// The body of <c>GET /state</c> for a station: what its blocks describe, and what only the
/// simulated hardware knows (plugged, power, the EV, the emergency stop, a station fault). One
/// place, read alike by the control API and the dashboard's live feed.
/// </summary>
internal static class StationStateReader
{
    public static async Task<StateBody> ReadAsync(StationRunner runner, CancellationToken cancellationToken)
    {
        var hardware = runner.Hardware;
        if (runner.Current is not { } station)
        {
            var idle = hardware.Connectors.Select(c => new ConnectorBody(c.ConnectorId, ChargePointStatus.Unavailable, null, c.EnergyWh, ChargePointErrorCode.NoError, null, c.IsPlugged)).ToList();
            return new StateBody(runner.Settings.ChargePointId, false, null, idle, 0, Rebooting: true);
        }

        var snapshot = await station.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var connectors = snapshot.Connectors.Select(c => Describe(c, hardware.Connector(c.Id)!)).ToList();
        return new StateBody(
            runner.Settings.ChargePointId, snapshot.Connected, snapshot.Registration, connectors, snapshot.QueuedTransactionMessages, Rebooting: false, snapshot.DeadLetters,
            snapshot.LocalAuthList, hardware.EmergencyStopPressed, hardware.StationFault?.ErrorCode);
    }

    private static ConnectorBody Describe(ConnectorSnapshot c, SimulatedConnector hardware) =>
        new(c.Id, c.Status, c.TransactionId, Math.Round(c.MeterWh, 3), c.ErrorCode, c.IdTag, hardware.IsPlugged)
        {
            Reservation = c.Reservation is { } r ? new ReservationBody(r.Id, r.IdTag, r.ExpiryDate) : null,
            LimitA = c.LimitA,
            Phases = c.Phases,
            VoltageV = c.VoltageV,
            PowerW = Math.Round(hardware.CurrentPowerW(), 1),
            EvSuspended = hardware.IsEvSuspended,
            TransactionStartedAt = c.TransactionStartedAt,
            MeterStartWh = c.MeterStartWh,
        };
}
