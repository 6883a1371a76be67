using System.Globalization;
using CentralSystem;
using Microsoft.AspNetCore.Builder;
using Station.Configuration;
using Station.Host.Dashboard;
using Station.Host.Run;
using Station.Model;

namespace Station.Host.Demo;

/// <summary>
/// The demo: the built-in Central System and one simulated TSCT-2007CP in this process, over a
/// loopback WebSocket, in real time, playing a local and a remote charging session (see
/// <see cref="DemoScript"/>). The message flow goes to <see cref="DemoOptions.Output"/> as it happens.
/// With <see cref="DemoOptions.ControlPort"/> the station's dashboard is served too.
/// </summary>
public static class DemoSession
{
    /// <summary>The heartbeat interval the demo's Central System gives in its BootNotification answer.</summary>
    public const int HeartbeatIntervalSeconds = 5;

    /// <summary>The demo's MeterValueSampleInterval.</summary>
    public const int MeterValueSampleIntervalSeconds = 2;

    /// <summary>The line that says what the demo changes about the station.</summary>
    public static string ShortenedIntervals { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"Intervals are shortened for the demo: MeterValueSampleInterval {MeterValueSampleIntervalSeconds} s and HeartbeatInterval {HeartbeatIntervalSeconds} s ") +
        "(the TSCT-2007CP allows 10..60 s), clock-aligned meter values off.";

    /// <summary>
    /// The built-in TSCT-2007CP with intervals short enough for a demo: the ranges are widened so
    /// that the station accepts them, as a model file may (PRODUCT.md, settings).
    /// </summary>
    public static StationModel Model { get; } = StationModel.Tsct2007Cp with
    {
        Configuration = new Dictionary<string, ConfigurationKeyModel>(StationModel.Tsct2007Cp.Configuration, StringComparer.Ordinal)
        {
            [CoreKeys.HeartbeatInterval] = new() { Value = Seconds(HeartbeatIntervalSeconds), Min = 1, Max = 60 },
            [CoreKeys.MeterValueSampleInterval] = new() { Value = Seconds(MeterValueSampleIntervalSeconds), Min = 1, Max = 60 },
            [CoreKeys.ClockAlignedDataInterval] = new() { Value = "0" },
            [CoreKeys.MeterValuesSampledData] = new() { Value = "Energy.Active.Import.Register,Power.Active.Import" },
        },
    };

    /// <summary>Runs the whole demo and returns what happened; throws <see cref="DemoFailedException"/> when a step fails.</summary>
    public static async Task<DemoSummary> RunAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = TimeProvider.System;
        var startedAt = time.GetUtcNow();
        var csmsOptions = new CentralSystemOptions { HeartbeatInterval = HeartbeatIntervalSeconds, EnableHttpApi = options.ControlPort != 0 };
        await using var csms = await CentralSystemServer.StartAsync(csmsOptions, options.LoggerFactory, time, cancellationToken).ConfigureAwait(false);
        csms.FrameRecorded += (_, frame) => options.Output(Line(frame.Timestamp - startedAt, MessageFormatter.Format(frame)));
        options.Output($"Central System listening on {csms.Endpoint}; station {options.ChargePointId} ({Model.Vendor} {Model.Model}) connects to {csms.Endpoint}/{options.ChargePointId}");
        options.Output(ShortenedIntervals);
        options.Output("→ station to Central System, ← Central System to station; seconds since the start on the left.");

        var (stores, database) = StationFactory.OpenStorage(options.DataDirectory);
        using (database)
        {
            var roundTrips = new RoundTripObserver(time);
            await using var dashboard = new StationDashboard(time);
            var settings = new RunSettings
            {
                Model = Model,
                ChargePointId = options.ChargePointId,
                CentralSystemUri = csms.Endpoint,
                DataDirectory = options.DataDirectory,
                ControlPort = 0,
                EvPowerW = StationConfigLoader.DefaultEvPowerW,
                FrameObserver = options.ControlPort == 0 ? roundTrips : new FrameObserverPair(roundTrips, dashboard.Frames),
            };
            var hardware = StationFactory.CreateHardware(Model, settings.EvPowerW, stores, time);
            using var trace = new Station.Diagnostics.StationTrace(Path.Combine(options.DataDirectory, "logs"), time);
            using var runner = new StationRunner(settings, stores, hardware, trace, new Station.FileTransfer.FileTransferClient(), time, options.LoggerFactory);
            await runner.StartAsync(cancellationToken).ConfigureAwait(false);
            StationSession session;
            WebApplication? web = null;
            try
            {
                if (options.ControlPort != 0)
                {
                    web = await StationDashboardHost.StartAsync(options.ControlPort, dashboard, runner, options.LoggerFactory, cancellationToken).ConfigureAwait(false);
                    options.Output(string.Create(
                        CultureInfo.InvariantCulture, $"dashboard at http://127.0.0.1:{options.ControlPort}/ (Central System web UI at http://127.0.0.1:{csms.Port}/)"));
                }

                var script = new DemoScript(csms, runner, roundTrips, options, step => options.Output(Line(time.GetUtcNow() - startedAt, "▶ " + step)), cancellationToken);
                session = await script.RunAsync().ConfigureAwait(false);
                if (web is not null)
                {
                    options.Output("the script is done; the station and its dashboard stay up until Ctrl+C");
                    await WhenCancelled(options.KeepOpenUntil).ConfigureAwait(false);
                }
            }
            finally
            {
                if (web is not null)
                {
                    dashboard.EndStreams();
                    await web.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    await web.DisposeAsync().ConfigureAwait(false);
                }

                await runner.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return DemoSummary.From(session.Frames, roundTrips.Completed, time.GetUtcNow() - startedAt);
        }
    }

    private static async Task WhenCancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (token.Register(() => cancelled.TrySetResult()))
        {
            await cancelled.Task.ConfigureAwait(false);
        }
    }

    private static string Line(TimeSpan sinceStart, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{sinceStart.TotalSeconds,7:0.000}s  {text}");

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
