using System.Globalization;
using Spectre.Console;

namespace Station.Host.Fleet;

/// <summary>
/// The fleet's progress on stdout: the contract's plain lines (<c>fleet: N/N booted in S s</c> once,
/// <c>fleet: connected=… booted=… charging=… sent=… msg/s …</c> every 10 s) when stdout is not a
/// terminal; on a terminal a live Spectre.Console table refreshed every second instead, with the
/// plain lines printed when it ends.
/// </summary>
internal static class FleetProgress
{
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(FleetRunner fleet, TextWriter output, bool terminal, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (terminal)
        {
            await LiveAsync(fleet, timeProvider, cancellationToken).ConfigureAwait(false);
            return;
        }

        var booted = PrintBootedAsync(fleet, output, cancellationToken);
        var last = (Sent: 0L, At: timeProvider.GetTimestamp());
        using var timer = new PeriodicTimer(LineInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var counts = fleet.Counts();
                var rate = Rate(counts, ref last, timeProvider);
                await output.WriteLineAsync(Line(counts, rate)).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await booted.ConfigureAwait(false);
    }

    public static string Line(FleetCounts c, double messagesPerSecond) => string.Create(
        CultureInfo.InvariantCulture,
        $"fleet: connected={c.Connected}/{c.Stations} booted={c.Booted} charging={c.Charging} sent={c.Sent} received={c.Received} " +
        $"msg/s={messagesPerSecond:0.0} p50={c.P50Ms:0.0}ms p99={c.P99Ms:0.0}ms errors={c.Errors} reconnects={c.Reconnects}{ChaosPart(c)}");

    // Only when a group has chaos, so that the line of a fleet without stays as the contract shows it.
    private static string ChaosPart(FleetCounts c) =>
        c.Chaos ? string.Create(CultureInfo.InvariantCulture, $" chaos-disconnects={c.ChaosDisconnects} chaos-power-losses={c.ChaosPowerLosses}") : "";

    public static string BootedLine(int stations, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"fleet: {stations}/{stations} booted in {elapsed.TotalSeconds:0.0} s");

    private static double Rate(FleetCounts counts, ref (long Sent, long At) last, TimeProvider timeProvider)
    {
        var now = timeProvider.GetTimestamp();
        var seconds = timeProvider.GetElapsedTime(last.At, now).TotalSeconds;
        var rate = seconds > 0 ? (counts.Sent + counts.Received - last.Sent) / seconds : 0;
        last = (counts.Sent + counts.Received, now);
        return rate;
    }

    private static async Task PrintBootedAsync(FleetRunner fleet, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var elapsed = await fleet.AllBooted.WaitAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(BootedLine(fleet.Stations.Count, elapsed)).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task LiveAsync(FleetRunner fleet, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumn("fleet").AddColumn("now");
        string[] names = ["stations", "connecting", "connected", "booted", "charging", "messages/s", "sent / received", "response p50 / p99", "errors", "reconnects",
            "chaos: disconnects / power losses"];
        foreach (var name in names)
        {
            table.AddRow(name, "");
        }

        var last = (Sent: 0L, At: timeProvider.GetTimestamp());
        string? bootedLine = null;
        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
            try
            {
                do
                {
                    var c = fleet.Counts();
                    var rate = Rate(c, ref last, timeProvider);
                    string[] values =
                    [
                        $"{c.Stations}", $"{c.Started - c.Connected}", $"{c.Connected}", $"{c.Booted}", $"{c.Charging}",
                        rate.ToString("0.0", CultureInfo.InvariantCulture), $"{c.Sent} / {c.Received}",
                        string.Create(CultureInfo.InvariantCulture, $"{c.P50Ms:0.0} ms / {c.P99Ms:0.0} ms"), $"{c.Errors}", $"{c.Reconnects}",
                        c.Chaos ? $"{c.ChaosDisconnects} / {c.ChaosPowerLosses}" : "off",
                    ];
                    for (var i = 0; i < values.Length; i++)
                    {
                        table.UpdateCell(i, 1, values[i]);
                    }

                    if (bootedLine is null && fleet.AllBooted.IsCompletedSuccessfully)
                    {
                        bootedLine = BootedLine(c.Stations, fleet.AllBooted.Result);
                        table.Caption(bootedLine);
                    }

                    context.Refresh();
                }
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
            }
        }).ConfigureAwait(false);

        if (bootedLine is not null)
        {
            AnsiConsole.WriteLine(bootedLine);
        }

        AnsiConsole.WriteLine(Line(fleet.Counts(), 0));
    }
}
