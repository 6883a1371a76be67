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

    [Fact]
    public async Task Demo_with_a_control_port_prints_the_dashboard_url_serves_it_and_stays_up_until_SIGTERM()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var demo = CommandProcess.Start("demo", "--control-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var url = await demo.WaitForLineAsync(l => l.StartsWith("dashboard at ", StringComparison.Ordinal), DemoTimeout);
        Assert.StartsWith($"dashboard at http://127.0.0.1:{port}/ (Central System web UI at http://127.0.0.1:", url, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Contains("station.js", await http.GetStringAsync("/").OrTimeout(), StringComparison.Ordinal);

        // After the script the dashboard is still there, its log holding the whole session.
        await demo.WaitForLineAsync(l => l.StartsWith("the script is done", StringComparison.Ordinal), DemoTimeout);
        var frames = await http.GetStringAsync("/frames?action=RemoteStopTransaction").OrTimeout();
        Assert.Contains("\"direction\":\"received\",\"action\":\"RemoteStopTransaction\",\"type\":\"CALL\"", frames, StringComparison.Ordinal);
        Assert.Contains("\"chargePointId\":\"CP001\"", await http.GetStringAsync("/state").OrTimeout(), StringComparison.Ordinal);

        await demo.TerminateAsync();
        Assert.Equal(0, await demo.WaitForExitAsync(DemoTimeout));
        Assert.Contains("Summary", demo.Stdout);
    }

    [Fact]
    public async Task Demo_with_a_bad_control_port_exits_2_with_one_error_line()
    {
        await using var demo = CommandProcess.Start("demo", "--control-port", "70000");

        Assert.Equal(2, await demo.WaitForExitAsync(DemoTimeout));
        Assert.Equal("error: --control-port 70000 is outside 0..65535", Assert.Single(demo.Stderr));
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
