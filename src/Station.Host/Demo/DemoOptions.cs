using Microsoft.Extensions.Logging;

namespace Station.Host.Demo;

/// <summary>How the demo session runs. It always runs in real time (<see cref="TimeProvider.System"/>).</summary>
public sealed record DemoOptions
{
    /// <summary>The station's data directory; the caller creates and removes it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Logs of the Central System and the station.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>Receives the message flow and the step lines as they happen, from several threads.</summary>
    public Action<string> Output { get; init; } = static _ => { };

    /// <summary>How long one step may wait for the station before the demo fails.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How many sampled MeterValues each transaction sends before it is stopped.</summary>
    public int MeterValuesPerTransaction { get; init; } = 2;

    /// <summary>
    /// 1..65535: the station's control API and dashboard on 127.0.0.1 at this port (and the Central
    /// System's web UI on its own), kept open after the script until <see cref="KeepOpenUntil"/> is cancelled; 0: none.
    /// </summary>
    public int ControlPort { get; init; }

    /// <summary>With <see cref="ControlPort"/>: after the script the station and its dashboard stay up until this is cancelled.</summary>
    public CancellationToken KeepOpenUntil { get; init; }

    /// <summary>The charge point identity.</summary>
    public string ChargePointId { get; init; } = "CP001";
}
