using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ocpp16.Rpc;
using Station.Diagnostics;
using Station.FileTransfer;
using Station.Hardware.Simulated;

namespace Station.Host.Run;

/// <summary>
/// Runs station instances one after the other over the same data directory and simulated
/// hardware: a Reset or a firmware installation ends an instance and this starts the next, as a
/// reboot restarts the firmware while the hardware (cable, EV, meter) stays as it is.
/// </summary>
internal sealed class StationRunner(
    RunSettings settings, StationStores stores, SimulatedStationHardware hardware, StationTrace? trace, IFileTransfer fileTransfer, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("Station.Host");
    private readonly Lock _powerGate = new();
    private volatile ChargePoint? _current;
    private CancellationTokenSource? _instanceStop;
    private PowerCut? _powerCut;

    /// <summary>The simulated hardware the control API drives.</summary>
    public SimulatedStationHardware Hardware => hardware;

    /// <summary>The running instance, or null while rebooting.</summary>
    public ChargePoint? Current => _current;

    /// <summary>The settings of this station.</summary>
    public RunSettings Settings => settings;

    /// <summary>Raised when an instance starts (after boot and after every reboot), before it connects: the fleet watches its connectors.</summary>
    public event Action<ChargePoint>? InstanceStarted;

    /// <summary>Raised when the station shut down after mains power failed: the process should end, as a station without power does.</summary>
    public event Action? PoweredDown;

    /// <summary>
    /// A power cut (a fleet's chaos): the running instance is dropped at once, nothing shut down in
    /// order, its in-memory state gone, as <c>kill -9</c> drops <c>run</c>; the hardware stays as it
    /// is (the cable is still plugged). No instance starts until <see cref="RestorePower"/>; the next
    /// one recovers from the stores (a running transaction stopped with reason PowerLoss, queued
    /// messages delivered). Completes once the instance is gone.
    /// </summary>
    public Task CutPowerAsync()
    {
        CancellationTokenSource? instance;
        PowerCut cut;
        lock (_powerGate)
        {
            cut = _powerCut ??= new PowerCut();
            instance = _instanceStop;
        }

        try
        {
            instance?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The instance ended meanwhile; the loop sees the cut before it starts the next one.
        }

        return cut.Off.Task;
    }

    /// <summary>Ends a power cut: the next instance starts.</summary>
    public void RestorePower()
    {
        PowerCut? cut;
        lock (_powerGate)
        {
            (cut, _powerCut) = (_powerCut, null);
        }

        cut?.Off.TrySetResult();
        cut?.On.TrySetResult();
    }

    /// <summary>SIGTERM/SIGINT: an orderly shutdown, so running transactions end with reason Reboot.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_current is { } station)
        {
            await station.ShutDownAsync(cancellationToken).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = new ChargePointOptions
        {
            ChargePointId = settings.ChargePointId,
            CentralSystemUri = settings.CentralSystemUri,
            FileTransfer = fileTransfer,
            FirmwareInstaller = new SimulatedFirmwareInstaller(),
            Trace = trace,
            DataDirectory = settings.DataDirectory,
            Certificates = settings.Certificates,
            FrameObserver = settings.FrameObserver,
            Rpc = new RpcOptions { StrictAnswers = settings.StrictAnswers },
            ConfigureConnection = settings.ConfigureConnection,
            ResourceGauge = settings.ResourceGauge,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await PowerOnAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            var station = new ChargePoint(settings.Model, options, hardware.Connectors, stores, timeProvider, loggerFactory);
            await using (station.ConfigureAwait(false))
            {
                await hardware.AttachAsync(station.Inputs, stoppingToken).ConfigureAwait(false);
                _current = station;
                InstanceStarted?.Invoke(station);
                StationExit exit;
                bool wasCut;
                try
                {
                    exit = await station.RunAsync(_instanceStop!.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Cut before it was running: gone all the same.
                    exit = StationExit.Stopped;
                }
                finally
                {
                    _current = null;
                    hardware.Detach();
                    lock (_powerGate)
                    {
                        wasCut = _instanceStop!.IsCancellationRequested || _powerCut is not null;
                        _instanceStop.Dispose();
                        _instanceStop = null;
                    }
                }

                // Cut (the power may already be back): the next instance, as after a restart.
                if (wasCut && !stoppingToken.IsCancellationRequested)
                {
                    continue;
                }

                if (exit.PoweredDown)
                {
                    HostLog.PoweredDown(_logger);
                    PoweredDown?.Invoke();
                    return;
                }

                if (!exit.IsReboot)
                {
                    return;
                }

                if (exit.Reboot is { } reset)
                {
                    HostLog.Rebooting(_logger, reset);
                }
                else
                {
                    HostLog.RebootingItself(_logger, exit.RebootReason!);
                }
            }
        }
    }

    // Before each instance: waits out a power cut (telling the cutter the last instance is gone), then arms the next instance's own stop.
    private async Task<bool> PowerOnAsync(CancellationToken stoppingToken)
    {
        PowerCut? cut;
        lock (_powerGate)
        {
            cut = _powerCut;
            if (cut is null)
            {
                _instanceStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                return true;
            }
        }

        cut.Off.TrySetResult();
        try
        {
            await cut.On.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return await PowerOnAsync(stoppingToken).ConfigureAwait(false);
    }

    private sealed class PowerCut
    {
        public TaskCompletionSource Off { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource On { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
