using System.Collections.Concurrent;
using System.Text;
using CentralSystem;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Host.Demo;
using Xunit;
using Xunit.Abstractions;

namespace Station.Host.Tests;

public sealed class DemoTests(ITestOutputHelper output)
{
    // The demo runs in real time: about 9 s on a developer machine; generous for a loaded CI runner.
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    [Trait("Cert", "C-07")]
    [Trait("Cert", "C-08")]
    public async Task Demo_charges_twice_and_every_frame_the_station_sends_is_schema_valid()
    {
        using var data = new TempDirectory();
        var logs = new TestLogSink();
        var flow = new ConcurrentQueue<string>();
        using var loggerFactory = logs.CreateFactory();

        var summary = await DemoSession.RunAsync(new DemoOptions { DataDirectory = data.Path, LoggerFactory = loggerFactory, Output = flow.Enqueue })
            .WaitAsync(DemoTimeout, TimeProvider.System);
        foreach (var line in flow.Concat(DemoReport.Lines(summary)))
        {
            output.WriteLine(line);
        }

        Assert.Collection(
            summary.Transactions,
            local =>
            {
                Assert.False(local.StartedRemotely);
                Assert.Equal("DEMO-CARD", local.IdTag);
                Assert.Equal(Reason.Local, local.StopReason);
            },
            remote =>
            {
                Assert.True(remote.StartedRemotely);
                Assert.Equal("DEMO-APP", remote.IdTag);
                Assert.Equal(Reason.Remote, remote.StopReason);
            });
        Assert.All(summary.Transactions, t =>
        {
            Assert.True(t.Stopped);
            Assert.True(t.EnergyWh > 0, $"transaction {t.TransactionId} delivered {t.EnergyWh} Wh");
            Assert.Equal(2, t.MeterValues);
        });
        Assert.Equal(2, summary.Transactions.Select(t => t.TransactionId).Distinct().Count());
        Assert.Equal(summary.Transactions.Sum(t => t.EnergyWh), summary.EnergyWh);
        Assert.Equal(0, summary.CallErrorCount);
        Assert.Equal(summary.StationCallCount, summary.StationCalls.Count);
        Assert.Equal(3, summary.CentralSystemCalls.Count);
        Assert.NotNull(summary.RemoteStartToStartTransaction);
        Assert.NotNull(summary.RemoteStopToStopTransaction);
        Assert.InRange(summary.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        AssertStationFramesSchemaValid(summary.Frames);
        logs.AssertNoErrors();
    }

    [Fact]
    public async Task Demo_step_that_times_out_fails_with_one_line_naming_the_step()
    {
        using var data = new TempDirectory();
        var logs = new TestLogSink();
        using var loggerFactory = logs.CreateFactory();

        var failure = await Assert.ThrowsAsync<DemoFailedException>(() =>
            DemoSession.RunAsync(new DemoOptions { DataDirectory = data.Path, LoggerFactory = loggerFactory, StepTimeout = TimeSpan.FromMilliseconds(1) })
                .WaitAsync(DemoTimeout, TimeProvider.System));

        Assert.StartsWith("waited 0.001 s for ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        logs.AssertNoErrors();
    }

    [Fact]
    public async Task Demo_command_prints_the_flow_and_the_summary_and_exits_0()
    {
        await using var demo = CommandProcess.Start("demo");

        var exitCode = await demo.WaitForExitAsync(DemoTimeout);

        foreach (var line in demo.Stdout.Concat(demo.Stderr))
        {
            output.WriteLine(line);
        }

        Assert.Equal(0, exitCode);
        Assert.Empty(demo.Stderr);
        Assert.Contains(demo.Stdout, l => l.StartsWith("Intervals are shortened for the demo", StringComparison.Ordinal));
        Assert.Contains(demo.Stdout, l => l.Contains("CP001 → StartTransaction connectorId=1 idTag=DEMO-CARD", StringComparison.Ordinal));
        Assert.Contains(demo.Stdout, l => l.Contains("CP001 ← RemoteStopTransaction transactionId=2", StringComparison.Ordinal));
        Assert.Contains("Summary", demo.Stdout);
        Assert.Contains(demo.Stdout, l => l.StartsWith("  energy delivered: ", StringComparison.Ordinal));
    }

    // Every CALL and CALLRESULT the station sent, against the official OCPP 1.6 schemas.
    private static void AssertStationFramesSchemaValid(IReadOnlyList<RecordedFrame> frames)
    {
        var fromStation = frames.Where(f => f.Direction == FrameDirection.Received).ToList();
        Assert.All(fromStation, f => Assert.Null(f.FrameError));
        var payloads = fromStation
            .Where(f => f.MessageType is MessageTypeId.Call or MessageTypeId.CallResult)
            .Select(f => (f.Action!, IsResponse: f.MessageType == MessageTypeId.CallResult, Json: Payload(f.Text)))
            .ToList();

        // The station answered the Central System's GetConfiguration, RemoteStart and RemoteStop.
        Assert.Equal(3, payloads.Count(p => p.IsResponse));
        Assert.All(payloads, p => OcppSchemas.AssertValid(p.Item1, p.IsResponse, p.Json));
    }

    private static string Payload(string frameText)
    {
        var read = FrameReader.Read(Encoding.UTF8.GetBytes(frameText));
        return Encoding.UTF8.GetString(read.Frame.Payload.Span);
    }
}
