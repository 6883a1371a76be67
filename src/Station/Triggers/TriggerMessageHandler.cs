using System.Globalization;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Boot;
using Station.Connection;
using Station.Connectors;
using Station.Diagnostics;
using Station.Firmware;
using Station.Metering;
using Station.Runtime;

namespace Station.Triggers;

/// <summary>
/// Answers TriggerMessage (§5.17), under the station lock: Accepted, with the requested message
/// sent right after the TriggerMessage.conf and describing the state at that moment; Rejected for
/// a connector that does not exist (TC_055); NotImplemented for a message this station cannot send
/// (the Firmware Management notifications when it has no file transfer). Without connectorId a
/// StatusNotification or MeterValues goes out for connector 0 and every connector ("all allowed
/// connectorId values"). Served while Pending too (pitfall 2): the triggered message then goes
/// straight to the Central System, since the ordered queue sends only once Accepted.
/// </summary>
internal sealed class TriggerMessageHandler : IOcppHandler<TriggerMessageRequest, TriggerMessageResponse>
{
    private readonly ConnectorService _connectors;
    private readonly BootService _boot;
    private readonly MeteringService _metering;
    private readonly FirmwareService? _firmware;
    private readonly DiagnosticsService? _diagnostics;
    private readonly CentralSystemLink _link;
    private readonly OutgoingMessages _outgoing;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;

    /// <summary>Creates the handler; <paramref name="firmware"/> and <paramref name="diagnostics"/> are null without Firmware Management.</summary>
    public TriggerMessageHandler(
        ConnectorService connectors,
        BootService boot,
        MeteringService metering,
        FirmwareService? firmware,
        DiagnosticsService? diagnostics,
        CentralSystemLink link,
        OutgoingMessages outgoing,
        StationRuntime runtime)
    {
        _connectors = connectors;
        _boot = boot;
        _metering = metering;
        _firmware = firmware;
        _diagnostics = diagnostics;
        _link = link;
        _outgoing = outgoing;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Triggers");
    }

    public ValueTask<TriggerMessageResponse> HandleAsync(TriggerMessageRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var message = request.RequestedMessage;
        var connectorId = request.ConnectorId;
        if (connectorId is { } id && !_connectors.Exists(id))
        {
            TriggersLog.Rejected(_logger, message, id);
            return Answer(TriggerMessageStatus.Rejected);
        }

        Func<CancellationToken, Task>? send = message switch
        {
            MessageTrigger.BootNotification => _ =>
            {
                _boot.BootNow();
                return Task.CompletedTask;
            },
            MessageTrigger.Heartbeat => SendHeartbeatAsync,
            MessageTrigger.StatusNotification => ct => SendStatusAsync(connectorId, ct),
            MessageTrigger.MeterValues => ct => SendMeterValuesAsync(connectorId, ct),
            MessageTrigger.FirmwareStatusNotification when _firmware is { } firmware => ct => SendFirmwareStatusAsync(firmware, ct),
            MessageTrigger.DiagnosticsStatusNotification when _diagnostics is { } diagnostics =>
                ct => SendAsync(new DiagnosticsStatusNotificationRequest { Status = diagnostics.Status }, ct),
            _ => null,
        };

        if (send is null)
        {
            TriggersLog.NotImplemented(_logger, message);
            return Answer(TriggerMessageStatus.NotImplemented);
        }

        var target = connectorId?.ToString(CultureInfo.InvariantCulture) ?? "none";
        TriggersLog.Accepted(_logger, message, target);
        context.AfterResponse(send);
        return Answer(TriggerMessageStatus.Accepted);
    }

    private static ValueTask<TriggerMessageResponse> Answer(TriggerMessageStatus status) => ValueTask.FromResult(new TriggerMessageResponse { Status = status });

    private IEnumerable<int> ConnectorIds(int? connectorId) => connectorId is { } id ? [id] : Enumerable.Range(0, _connectors.Count + 1);

    private async Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        if (await SendAsync(new HeartbeatRequest(), cancellationToken).ConfigureAwait(false) is { } answer)
        {
            await _runtime.SynchronizeClockAsync(answer.CurrentTime, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendStatusAsync(int? connectorId, CancellationToken cancellationToken)
    {
        List<StatusNotificationRequest> direct;
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_link.IsOnline)
            {
                // Pitfall 8: reported now, never held back by MinimumStatusDuration.
                foreach (var id in ConnectorIds(connectorId))
                {
                    _connectors.Report(id);
                }

                return;
            }

            var now = _runtime.Clock.GetUtcNow();
            direct = [.. ConnectorIds(connectorId).Select(id =>
            {
                var status = _connectors.Evaluate(id);
                return new StatusNotificationRequest { ConnectorId = id, Status = status.Status, ErrorCode = status.ErrorCode, Info = status.Info, Timestamp = now };
            })];
        }

        foreach (var request in direct)
        {
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendMeterValuesAsync(int? connectorId, CancellationToken cancellationToken)
    {
        List<MeterValuesRequest> requests;
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            requests = [.. ConnectorIds(connectorId).Select(_metering.Triggered)];
        }

        foreach (var request in requests)
        {
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendFirmwareStatusAsync(FirmwareService firmware, CancellationToken cancellationToken)
    {
        FirmwareStatus status;
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            status = firmware.Status;
        }

        await SendAsync(new FirmwareStatusNotificationRequest { Status = status }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse?> SendAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken)
        where TResponse : class, IOcppResponse
    {
        try
        {
            return _link.IsOnline
                ? await _outgoing.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : await _link.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OcppException ex)
        {
            TriggersLog.NotDelivered(_logger, OcppActions.ForRequest(request.GetType()).Name, ex.Message);
            return null;
        }
    }
}
