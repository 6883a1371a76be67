using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Connection;
using Station.Connectors;
using Station.Model;
using Station.Runtime;

namespace Station.Boot;

/// <summary>
/// Registration and liveness (OCPP 1.6 §4.2, §4.6): sends BootNotification on the first
/// connection after every start and retries it after the interval while Pending or Rejected (or
/// after a failure); once Accepted it takes the Central System's time and heartbeat interval,
/// reports every connector's status and sends Heartbeats. While Pending only the retried
/// BootNotification leaves; while Rejected the station sends nothing and answers nothing.
/// </summary>
public sealed class BootService
{
    /// <summary>The wait before retrying when the Central System gives no interval (0) or no answer.</summary>
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(60);

    private readonly StationModel _model;
    private readonly Func<string> _firmwareVersion;
    private readonly CentralSystemLink _link;
    private readonly OutgoingMessages _outgoing;
    private readonly ConnectorService _connectors;
    private readonly IStationConfiguration _configuration;
    private readonly StationRuntime _runtime;
    private readonly StationTimer _heartbeat;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _retryWait;
    private bool _booting;

    /// <summary>Creates the block; <paramref name="firmwareVersion"/> gives the version installed now.</summary>
    public BootService(
        StationModel model, Func<string> firmwareVersion, CentralSystemLink link, OutgoingMessages outgoing, ConnectorService connectors, IStationConfiguration configuration, StationRuntime runtime)
    {
        _model = model;
        _firmwareVersion = firmwareVersion;
        _link = link;
        _outgoing = outgoing;
        _connectors = connectors;
        _configuration = configuration;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("Station.Boot");
        _heartbeat = runtime.CreateTimer("heartbeat", SendHeartbeat);
        link.Connected += OnConnected;
        configuration.Changed += key =>
        {
            if (key == CoreKeys.HeartbeatInterval && _heartbeat.IsRunning)
            {
                StartHeartbeat();
            }
        };
    }

    /// <summary>Raised, under the station lock, when the registration is Accepted.</summary>
    public event Action? Accepted;

    /// <summary>Whether incoming CALLs are answered: not while Rejected (§4.2).</summary>
    public bool IsAnswering => _link.Registration != RegistrationStatus.Rejected;

    /// <summary>The BootNotification this station sends.</summary>
    public BootNotificationRequest Request() => new()
    {
        ChargePointVendor = _model.Vendor,
        ChargePointModel = _model.Model,
        ChargePointSerialNumber = _model.SerialNumber,
        ChargeBoxSerialNumber = _model.ChargeBoxSerialNumber,
        FirmwareVersion = _firmwareVersion(),
        Iccid = _model.Iccid,
        Imsi = _model.Imsi,
        MeterType = _model.MeterType,
        MeterSerialNumber = _model.MeterSerialNumber,
    };

    /// <summary>
    /// Sends a BootNotification now (TriggerMessage): ends a retry wait, or starts the boot loop so
    /// that a Pending or Rejected answer is retried like any other (pitfall 2).
    /// </summary>
    public void BootNow()
    {
        lock (_gate)
        {
            if (_retryWait is { } wait)
            {
                wait.Cancel();
                return;
            }

            if (_booting)
            {
                // A BootNotification is on its way already.
                return;
            }

            _booting = true;
        }

        _runtime.Run("triggered boot", BootLoopAsync);
    }

    /// <summary>Sends a Heartbeat now (periodic or requested), taking the Central System's time.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        // One send path for the periodic and the requested Heartbeat (through the queue when online, direct while Pending).
        var sent = _runtime.Clock.GetTimestamp();
        if (await _outgoing.SendOnRequestAsync(new HeartbeatRequest(), cancellationToken).ConfigureAwait(false) is { } answer)
        {
            await _runtime.SynchronizeClockAsync(answer.CurrentTime, _runtime.Clock.GetElapsedTime(sent), cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnConnected()
    {
        if (_link.Registration == RegistrationStatus.Accepted)
        {
            // Reconnected after a drop: registration stands (TC_035); the Central System learns the present statuses.
            _runtime.RunLocked("report statuses after reconnect", _ =>
            {
                _connectors.ReportAll();
                return Task.CompletedTask;
            });
            return;
        }

        lock (_gate)
        {
            if (_booting)
            {
                return;
            }

            _booting = true;
        }

        _runtime.Run("boot", BootLoopAsync);
    }

    private async Task BootLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && _link.IsConnected)
            {
                var wait = await SendBootAsync(cancellationToken).ConfigureAwait(false);
                if (wait is null)
                {
                    return;
                }

                await WaitForRetryAsync(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _booting = false;
            }
        }
    }

    // Returns how long to wait before the next attempt, or null when registered or disconnected.
    private async Task<TimeSpan?> SendBootAsync(CancellationToken cancellationToken)
    {
        BootNotificationResponse answer;
        var sent = _runtime.Clock.GetTimestamp();
        try
        {
            answer = await _link.CallAsync(Request(), cancellationToken).ConfigureAwait(false);
        }
        catch (OcppNotConnectedException)
        {
            return null;
        }
        catch (OcppException ex)
        {
            // Pitfall 2: a BootNotification that times out or fails is retried like a Pending one.
            BootLog.Failed(_logger, ex.Message, DefaultRetryInterval.TotalSeconds);
            return DefaultRetryInterval;
        }

        await _runtime.SynchronizeClockAsync(answer.CurrentTime, _runtime.Clock.GetElapsedTime(sent), cancellationToken).ConfigureAwait(false);
        _link.SetRegistration(answer.Status);
        BootLog.Answered(_logger, answer.Status, answer.Interval);
        if (answer.Status != RegistrationStatus.Accepted)
        {
            return answer.Interval > 0 ? TimeSpan.FromSeconds(answer.Interval) : DefaultRetryInterval;
        }

        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            if (answer.Interval > 0)
            {
                var used = _configuration.SetFromStation(CoreKeys.HeartbeatInterval, answer.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (used != answer.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    BootLog.HeartbeatClamped(_logger, answer.Interval, "the model's range", used);
                }
            }

            StartHeartbeat();
            _connectors.ReportAll();
            Accepted?.Invoke();
        }

        return null;
    }

    private async Task WaitForRetryAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var retryWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _retryWait = retryWait;
        }

        try
        {
            await Task.Delay(wait, _runtime.Clock, retryWait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A TriggerMessage asked for the BootNotification now.
        }
        finally
        {
            lock (_gate)
            {
                _retryWait = null;
            }
        }
    }

    private void StartHeartbeat()
    {
        var interval = _configuration.GetSeconds(CoreKeys.HeartbeatInterval);
        _heartbeat.Start(interval, interval);
    }

    private void SendHeartbeat()
    {
        if (_link.IsOnline)
        {
            _runtime.Run("heartbeat", HeartbeatAsync);
        }
    }
}
