using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Host.Run.WarmUp;
using Xunit;

namespace Station.Host.Tests;

/// <summary>
/// run's warm-up: a throw-away station played in-process before the station connects (docs/latency.md:
/// the first remote start after a boot paid 36–156 ms of JIT). Its effect on latency is a benchmark
/// figure (README, Benchmarks); these tests hold what it must never do: reach the Central System, leave
/// data behind, or stop the station from starting.
/// </summary>
public sealed class WarmUpTests : CentralSystemProcessTest
{
    private const string WarmedUp = "Warmed up the transaction path in ";

    [Fact]
    public async Task The_warm_up_runs_before_the_station_connects_and_leaves_nothing_behind_nor_reaches_the_Central_System()
    {
        var dataDirectory = Path.Combine(Data.Path, "warm");
        await using var station = CommandProcess.Start("run", "--csms-url", Csms.Endpoint.ToString(), "--id", "WARM-TEST", "--data-dir", dataDirectory);

        await station.WaitForLineAsync(l => l.Contains(WarmedUp, StringComparison.Ordinal), ProcessTimeout);
        var session = await Csms.WaitForStationAsync("WARM-TEST").WaitAsync(ProcessTimeout, TimeProvider.System);
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).WaitAsync(ProcessTimeout, TimeProvider.System);

        Assert.False(Csms.TryGetSession("WARM-UP", out _), "the warm-up station connected to the station's Central System");
        Assert.DoesNotContain(session.Frames, f => f.Payload is StartTransactionRequest);
        Assert.False(Directory.Exists(Path.Combine(dataDirectory, StartupWarmUp.DirectoryName)), "the warm-up's data directory was left behind");
        await station.TerminateAsync();
        Assert.Equal(0, await station.WaitForExitAsync(ProcessTimeout));
        var trace = await File.ReadAllTextAsync(Path.Combine(dataDirectory, "logs", "trace.log"));
        Assert.DoesNotContain("WARM-UP", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_warm_up_the_station_connects_without_one()
    {
        await using var station = CommandProcess.Start(
            "run", "--csms-url", Csms.Endpoint.ToString(), "--id", "COLD", "--data-dir", Path.Combine(Data.Path, "cold"), "--no-warm-up");

        var session = await Csms.WaitForStationAsync("COLD").WaitAsync(ProcessTimeout, TimeProvider.System);
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).WaitAsync(ProcessTimeout, TimeProvider.System);

        Assert.DoesNotContain(station.Stdout, l => l.Contains(WarmedUp, StringComparison.Ordinal));
        await station.TerminateAsync();
        Assert.Equal(0, await station.WaitForExitAsync(ProcessTimeout));
    }

    [Fact]
    public async Task A_warm_up_left_behind_by_a_kill_is_removed_and_played_again()
    {
        var leftover = Path.Combine(Data.Path, StartupWarmUp.DirectoryName);
        Directory.CreateDirectory(leftover);
        await File.WriteAllTextAsync(Path.Combine(leftover, "station.db"), "not a database");
        using var logs = new TestLogSink();

        var took = await StartupWarmUp.RunAsync(Data.Path, logs.CreateLogger("Station.Host"), CancellationToken.None).WaitAsync(ProcessTimeout, TimeProvider.System);

        Assert.True(took is not null, string.Join("; ", logs.Entries));
        Assert.False(Directory.Exists(leftover));
        Assert.Contains(logs.Entries, e => e.Message.StartsWith(WarmedUp, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_warm_up_that_cannot_run_says_why_in_one_warning_and_returns()
    {
        // A file where the warm-up's directory should be: it cannot create it.
        var blocker = Path.Combine(Data.Path, StartupWarmUp.DirectoryName);
        await File.WriteAllTextAsync(blocker, "in the way");
        using var logs = new TestLogSink();

        var took = await StartupWarmUp.RunAsync(Data.Path, logs.CreateLogger("Station.Host"), CancellationToken.None).WaitAsync(ProcessTimeout, TimeProvider.System);

        Assert.Null(took);
        var warning = Assert.Single(logs.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.StartsWith("The warm-up failed, the station starts anyway", warning.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(blocker), "the warm-up removed a file it did not create");
    }
}
