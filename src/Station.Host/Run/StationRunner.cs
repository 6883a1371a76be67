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
    private volatile ChargePoint? _current;

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
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            var station = new ChargePoint(settings.Model, options, hardware.Connectors, stores, timeProvider, loggerFactory);
            await using (station.ConfigureAwait(false))
            {
                await hardware.AttachAsync(station.Inputs, stoppingToken).ConfigureAwait(false);
                _current = station;
                InstanceStarted?.Invoke(station);
                StationExit exit;
                try
                {
                    exit = await station.RunAsync(stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    _current = null;
                    hardware.Detach();
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
}
