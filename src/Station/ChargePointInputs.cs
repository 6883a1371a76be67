using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Connectors;
using Station.Hardware;
using Station.Model;
using Station.Runtime;
using Station.Security;
using Station.Security.Events;
using Station.Transactions;

namespace Station;

/// <summary>
/// The station's side of <see cref="IStationInputs"/>: each physical event takes the station lock,
/// updates the connector's state and lets the transaction block react.
/// </summary>
internal sealed class ChargePointInputs(
    StationModel model,
    StationRuntime runtime,
    ConnectorService connectors,
    TransactionService transactions,
    SessionCoordinator sessions,
    Func<CancellationToken, Task> powerDown,
    Func<ISecurityEvents?> securityEvents)
    : IStationInputs
{
    // OCPP 1.6 §7: idTag is a CiString20.
    private const int MaxIdTagLength = 20;

    /// <summary>The longest sensor name a tamper report carries (it goes into a 255-character techInfo).</summary>
    public const int MaxSensorLength = 50;

    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("Station.Security");

    public async ValueTask CablePluggedAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        using (await EnterAsync(connectorId, cancellationToken).ConfigureAwait(false))
        {
            connectors.SetCable(connectorId, plugged: true, inSocket: false);
            await transactions.OnCablePluggedAsync(connectorId).ConfigureAwait(false);
        }
    }

    public ValueTask CableUnpluggedAsync(int connectorId, CancellationToken cancellationToken = default) =>
        UnplugAsync(connectorId, cableStaysInSocket: false, cancellationToken);

    // A fixed cable leaves with the EV; a detachable one stays in the socket until it is unplugged there (TC_005).
    public ValueTask EvDisconnectedAsync(int connectorId, CancellationToken cancellationToken = default) =>
        UnplugAsync(connectorId, cableStaysInSocket: connectorId >= 1 && connectorId <= model.Connectors.Count && !model.Connectors[connectorId - 1].FixedCable, cancellationToken);

    public ValueTask EvSuspendedAsync(int connectorId, CancellationToken cancellationToken = default) =>
        SetEvSuspendedAsync(connectorId, true, cancellationToken);

    public ValueTask EvResumedAsync(int connectorId, CancellationToken cancellationToken = default) =>
        SetEvSuspendedAsync(connectorId, false, cancellationToken);

    public ValueTask FaultAsync(int connectorId, ChargePointErrorCode errorCode, string? info = null, CancellationToken cancellationToken = default)
    {
        if (errorCode == ChargePointErrorCode.NoError)
        {
            throw new ArgumentException("a fault needs an error code other than NoError", nameof(errorCode));
        }

        if (info is { Length: > 50 })
        {
            throw new ArgumentException($"info of {info.Length} characters exceeds the 50 of StatusNotification.info", nameof(info));
        }

        return SetFaultAsync(connectorId, new ConnectorFault(errorCode, info), cancellationToken);
    }

    public ValueTask FaultClearedAsync(int connectorId, CancellationToken cancellationToken = default) =>
        SetFaultAsync(connectorId, null, cancellationToken);

    public async ValueTask IdTagPresentedAsync(string idTag, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(idTag) || idTag.Length > MaxIdTagLength)
        {
            throw new ArgumentException($"idTag '{idTag}' must be 1 to {MaxIdTagLength} characters", nameof(idTag));
        }

        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await sessions.OnIdTagPresentedAsync(idTag).ConfigureAwait(false);
        }
    }

    public async ValueTask StopButtonPressedAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        using (await EnterAsync(connectorId, cancellationToken).ConfigureAwait(false))
        {
            await sessions.OnStopButtonAsync(connectorId).ConfigureAwait(false);
        }
    }

    public async ValueTask EmergencyStopPressedAsync(CancellationToken cancellationToken = default)
    {
        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            connectors.SetEmergencyStop(true);
            await transactions.StopAllAsync(Reason.EmergencyStop).ConfigureAwait(false);
            for (var id = 1; id <= connectors.Count; id++)
            {
                transactions.CancelAuthorization(id, "emergency stop");
                await transactions.UpdatePowerAsync(id).ConfigureAwait(false);
            }

            connectors.Refresh();
        }
    }

    public async ValueTask EmergencyStopReleasedAsync(CancellationToken cancellationToken = default)
    {
        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            connectors.SetEmergencyStop(false);
            connectors.Refresh();
        }
    }

    // Whitepaper edition 3, appendix 1: TamperDetectionActivated, critical, so queued durably and sent
    // once the registration is accepted. The station reports and goes on: what a tamper means for
    // charging (stop, lock out) is the operator's decision, told by the event, not the station's.
    public ValueTask TamperDetectedAsync(string? sensor = null, CancellationToken cancellationToken = default)
    {
        if (sensor is not null && (sensor.Trim().Length == 0 || sensor.Length > MaxSensorLength))
        {
            throw new ArgumentException($"sensor '{sensor}' must be 1 to {MaxSensorLength} characters, or absent", nameof(sensor));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var name = sensor ?? "tamper sensor";
        SecurityEventsLog.TamperDetected(_logger, name);
        securityEvents()?.Report(SecurityEventTypes.TamperDetectionActivated, $"{name} triggered");
        return ValueTask.CompletedTask;
    }

    public async ValueTask MainsPowerFailedAsync(CancellationToken cancellationToken = default) =>
        await powerDown(cancellationToken).ConfigureAwait(false);

    private async ValueTask UnplugAsync(int connectorId, bool cableStaysInSocket, CancellationToken cancellationToken)
    {
        using (await EnterAsync(connectorId, cancellationToken).ConfigureAwait(false))
        {
            var state = connectors[connectorId];
            connectors.SetCable(connectorId, plugged: false, inSocket: cableStaysInSocket && (state.CablePlugged || state.CableInSocket));
            await transactions.OnCableUnpluggedAsync(connectorId).ConfigureAwait(false);
        }
    }

    private async ValueTask SetEvSuspendedAsync(int connectorId, bool suspended, CancellationToken cancellationToken)
    {
        using (await EnterAsync(connectorId, cancellationToken).ConfigureAwait(false))
        {
            connectors.SetEvSuspended(connectorId, suspended);
            connectors.Refresh();
        }
    }

    private async ValueTask SetFaultAsync(int connectorId, ConnectorFault? fault, CancellationToken cancellationToken)
    {
        using (await EnterAsync(connectorId, cancellationToken, allowStation: true).ConfigureAwait(false))
        {
            connectors.SetFault(connectorId, fault);
            var affected = connectorId == 0 ? Enumerable.Range(1, connectors.Count) : [connectorId];
            foreach (var id in affected)
            {
                if (fault is not null)
                {
                    // TC_041: a faulted connector starts nothing; a transaction it interrupts ends (reason Other).
                    transactions.CancelAuthorization(id, "fault");
                    if (transactions.On(id) is { } interrupted)
                    {
                        await transactions.StopAsync(interrupted, Reason.Other).ConfigureAwait(false);
                    }
                }

                await transactions.UpdatePowerAsync(id).ConfigureAwait(false);
            }

            connectors.Refresh();
        }
    }

    private ValueTask<StationLock.Releaser> EnterAsync(int connectorId, CancellationToken cancellationToken, bool allowStation = false)
    {
        if (connectorId < (allowStation ? 0 : 1) || connectorId > connectors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(connectorId), connectorId, $"connector {connectorId} does not exist");
        }

        return runtime.Lock.EnterAsync(cancellationToken);
    }
}
