using System.Diagnostics;
using CentralSystem;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Diagnostics;
using Station.FileTransfer;
using Station.Host.Dashboard;
using Station.Host.Demo;

namespace Station.Host.Run.WarmUp;

/// <summary>
/// Before <c>run</c>'s station connects: a throw-away station of the demo's model plays
/// <see cref="WarmUpScript"/> against the built-in Central System, both in this process over a loopback
/// WebSocket. Why: the first remote start after a boot paid 36–156 ms of JIT and lazy initialisation
/// (docs/latency.md, "The first remote start") on the path an external Central System measures; the
/// framework's generic code over the station's types is compiled only when it first runs, so the only
/// warm-up that covers all of it is running it. Nothing of it leaves the process or mixes with the
/// station's data: its own data directory (<see cref="DirectoryName"/> inside DATA-DIR, removed after, with
/// its own trace file), no console output. A failed warm-up costs only its time: the station starts anyway.
/// </summary>
internal static class StartupWarmUp
{
    /// <summary>The warm-up's own data directory, inside the station's.</summary>
    public const string DirectoryName = "warm-up";

    private const string ChargePointId = "WARM-UP";

    /// <summary>Plays the warm-up; returns how long it took, or null (logged) when it failed.</summary>
    public static async Task<TimeSpan?> RunAsync(string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(dataDirectory, DirectoryName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A warm-up cut short by a kill -9 left its directory behind.
            TryDelete(directory);
            Directory.CreateDirectory(directory);
            await PlayAsync(directory, cancellationToken).ConfigureAwait(false);
            var took = Stopwatch.GetElapsedTime(started);
            HostLog.WarmedUp(logger, took.TotalMilliseconds);
            return took;
        }
        catch (Exception ex) when (ex is DemoFailedException or TimeoutException or InvalidOperationException or IOException or UnauthorizedAccessException or UsageException
            or Ocpp16.Rpc.OcppException or Microsoft.Data.Sqlite.SqliteException)
        {
            HostLog.WarmUpFailed(logger, ex.Message);
            return null;
        }
        finally
        {
            TryDelete(directory);
        }
    }

    // The station as run builds it, down to what sees every frame (the dashboard, the trace file) and
    // the log events as the trace and the console format them, so that their code is compiled too.
    private static async Task PlayAsync(string directory, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        await using var csms = await CentralSystemServer.StartAsync(
            new CentralSystemOptions { HeartbeatInterval = DemoSession.HeartbeatIntervalSeconds }, NullLoggerFactory.Instance, time, cancellationToken).ConfigureAwait(false);
        var (stores, database) = StationFactory.OpenStorage(directory);
        using (database)
        {
            using var trace = new StationTrace(Path.Combine(directory, "logs"), time);
            using var console = new ConsoleFormattingSink();
            using var logs = LoggerFactory.Create(logging => logging.AddProvider(trace).AddProvider(console).SetMinimumLevel(LogLevel.Information));
            await using var dashboard = new StationDashboard(time);
            var roundTrips = new RoundTripObserver(time);
            var settings = new RunSettings
            {
                Model = DemoSession.Model,
                ChargePointId = ChargePointId,
                CentralSystemUri = csms.Endpoint,
                DataDirectory = directory,
                ControlPort = 0,
                EvPowerW = StationConfigLoader.DefaultEvPowerW,
                FrameObserver = new FrameObserverPair(roundTrips, dashboard.Frames),
            };
            var hardware = StationFactory.CreateHardware(settings.Model, settings.EvPowerW, stores, time);
            using var runner = new StationRunner(settings, stores, hardware, trace, new FileTransferClient(), time, logs);
            await runner.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var script = new DemoOptions
                {
                    DataDirectory = directory, LoggerFactory = logs, ChargePointId = ChargePointId, MeterValuesPerTransaction = 0, StepTimeout = WarmUpScript.StepTimeout,
                };
                await new WarmUpScript(csms, runner, roundTrips, script, cancellationToken).RunAsync().ConfigureAwait(false);
            }
            finally
            {
                dashboard.EndStreams();
                await runner.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Removed at the next start.
        }
        catch (UnauthorizedAccessException)
        {
            // Removed at the next start.
        }
    }
}
