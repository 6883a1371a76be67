using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests;

/// <summary>
/// The run command's crash test hook (OCPP_STATION_KILL_AT): the process kills itself right before
/// or right after a transaction store commit, and a new process on the same data shows which side
/// of the commit the power went.
/// </summary>
public sealed class KillPointTests : CentralSystemProcessTest
{
    private const string Variable = "OCPP_STATION_KILL_AT";
    [Theory]
    [InlineData("before", Reason.PowerLoss)]
    [InlineData("after", Reason.Local)]
    public async Task A_kill_around_the_commit_of_a_stop_decides_whether_the_stop_survives(string position, Reason expected)
    {
        var id = $"KILL-{position}";
        StationSession session;
        await using (var doomed = await StartAsync(id, new Dictionary<string, string> { [Variable] = $"{position}:End" }))
        {
            session = await Csms.WaitForStationAsync(id).OrTimeout();
            await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();
            await PostAsync(doomed.Http, "/connectors/1/plug");
            await PostAsync(doomed.Http, "/rfid", """{"idTag":"CARD-K"}""");
            await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
            await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.StartTransaction)).OrTimeout();

            // The stop button's End is the call the hook waits for: the request never gets its answer.
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostAsync(doomed.Http, "/connectors/1/stop-button"));

            Assert.NotEqual(0, await doomed.Process.WaitForExitAsync(ProcessTimeout));
            Assert.Contains($"{Variable}: SIGKILL {position}:End:1", doomed.Process.Stderr);
            Assert.DoesNotContain(session.Frames, f => f.Payload is StopTransactionRequest);
        }

        await using var restarted = await StartAsync(id, new Dictionary<string, string>());
        var next = await Csms.WaitForStationAsync(id, s => s != session && s.IsConnected).OrTimeout();
        var stop = await next.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();

        Assert.Equal(expected, stop.Reason);
        await restarted.Process.TerminateAsync();
        Assert.Equal(0, await restarted.Process.WaitForExitAsync(ProcessTimeout));
        Assert.Single(next.Frames, f => f.Payload is StopTransactionRequest);
    }

    [Theory]
    [InlineData("sideways:End")]
    [InlineData("before:Commit")]
    [InlineData("after:Complete:0")]
    [InlineData("after")]
    public async Task A_bad_kill_point_exits_with_code_2_and_one_error_line_naming_it(string value)
    {
        await using var station = CommandProcess.Start(
            new Dictionary<string, string> { [Variable] = value },
            "run",
            "--csms-url", Csms.Endpoint.ToString(), "--data-dir", Path.Combine(Data.Path, "bad"));

        Assert.Equal(2, await station.WaitForExitAsync(ProcessTimeout));
        var error = Assert.Single(station.Stderr);
        Assert.StartsWith($"error: {Variable} '{value}'", error, StringComparison.Ordinal);
    }

    private async Task<Running> StartAsync(string id, IReadOnlyDictionary<string, string> environment)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var process = CommandProcess.Start(
            environment, "run", "--csms-url", Csms.Endpoint.ToString(), "--id", id, "--data-dir", Path.Combine(Data.Path, id), "--control-port", port.ToString(CultureInfo.InvariantCulture));
        await process.WaitForLineAsync(l => l == $"control listening on http://127.0.0.1:{port}", ProcessTimeout);
        return new Running(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    private static async Task PostAsync(HttpClient http, string path, string? body = null)
    {
        using var content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content).OrTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed record Running(CommandProcess Process, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Process.DisposeAsync();
        }
    }
}
