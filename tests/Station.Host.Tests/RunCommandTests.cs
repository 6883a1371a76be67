using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests;

/// <summary>The run command as a process: the station control contract, bad options, kill -9.</summary>
public sealed class RunCommandTests : CentralSystemProcessTest
{
    [Theory]
    [InlineData("--csms-url", "http://example.com/ocpp")]
    [InlineData("--csms-url", "not a url")]
    [InlineData("--control-port", "70000")]
    [InlineData("--id", "")]
    [InlineData("--config", "/no/such/file.json")]
    [InlineData("--durability", "eventually")]
    [InlineData("--bogus", "1")]
    public async Task A_bad_option_exits_with_code_2_and_one_error_line(string option, string value)
    {
        var args = option == "--csms-url" ? new[] { "run", option, value } : ["run", "--csms-url", "ws://127.0.0.1:9/ocpp", option, value];
        await using var station = CommandProcess.Start(args);

        Assert.Equal(2, await station.WaitForExitAsync(ProcessTimeout));
        Assert.StartsWith("error: ", Assert.Single(station.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_port_taken_by_another_process_exits_with_code_2_and_one_error_line_naming_it()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var station = CommandProcess.Start(
            "run", "--csms-url", "ws://127.0.0.1:9/ocpp", "--control-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", Data.Path);

        Assert.Equal(2, await station.WaitForExitAsync(ProcessTimeout));
        Assert.StartsWith($"error: cannot listen on 127.0.0.1:{port}: ", station.Stderr[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(station.Stderr, line => line.StartsWith("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_durability_names_the_offending_value_and_the_valid_ones()
    {
        await using var station = CommandProcess.Start("run", "--csms-url", "ws://127.0.0.1:9/ocpp", "--durability", "FULL");

        Assert.Equal(2, await station.WaitForExitAsync(ProcessTimeout));
        Assert.Equal("error: --durability 'FULL' must be power-loss-safe or process-crash-safe", Assert.Single(station.Stderr));
    }

    [Fact]
    public async Task A_bad_configuration_file_names_the_offending_value()
    {
        var config = Path.Combine(Data.Path, "station.json");
        await File.WriteAllTextAsync(config, """{"connectors":[{"type":"cType2","phases":5}]}""");
        await using var station = CommandProcess.Start("run", "--csms-url", "ws://127.0.0.1:9/ocpp", "--config", config);

        Assert.Equal(2, await station.WaitForExitAsync(ProcessTimeout));
        Assert.Equal($"error: {config}: connectors[0].phases: 5 is not valid for AC (AC: 1 to 3, DC: 1)", Assert.Single(station.Stderr));
    }

    [Fact]
    public async Task Every_control_endpoint_drives_the_station_and_bad_requests_get_400_or_404()
    {
        await using var station = await StartStationAsync("CTRL-1");
        using var http = station.Http;
        var session = await Csms.WaitForStationAsync("CTRL-1").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        var state = await PostAsync(http, "/connectors/1/plug");
        Assert.Equal("Preparing", state.GetProperty("connectors")[0].GetProperty("status").GetString());
        Assert.True(state.GetProperty("connectors")[0].GetProperty("plugged").GetBoolean());
        await PostAsync(http, "/rfid", """{"idTag":"CARD-1"}""");
        var start = await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        Assert.Equal("CARD-1", start.IdTag);
        Assert.Equal("SuspendedEV", await StatusAfterAsync(http, "/connectors/1/ev/suspend"));
        Assert.Equal("Charging", await StatusAfterAsync(http, "/connectors/1/ev/resume"));
        await PostAsync(http, "/connectors/1/stop-button");
        var stop = await session.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        Assert.Equal(Reason.Local, stop.Reason);
        Assert.Equal("Available", await StatusAfterAsync(http, "/connectors/1/unplug"));
        Assert.Equal("Faulted", await StatusAfterAsync(http, "/connectors/1/fault", """{"errorCode":"GroundFailure","info":"leak"}"""));
        Assert.Equal("Available", await StatusAfterAsync(http, "/connectors/1/fault/clear"));

        var got = await http.GetFromJsonAsync<JsonElement>("/state");
        Assert.True(got.GetProperty("connected").GetBoolean());
        Assert.Equal("Accepted", got.GetProperty("registration").GetString());
        Assert.True(got.GetProperty("connectors")[0].GetProperty("meterWh").GetDouble() >= 0);

        await ExpectAsync(http, "/connectors/abc/plug", null, HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/connectors/2/plug", null, HttpStatusCode.NotFound);
        await ExpectAsync(http, "/connectors/0/plug", null, HttpStatusCode.NotFound);
        await ExpectAsync(http, "/rfid", "not json", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/rfid", """{"idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/rfid", """{"card":"x"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/rfid", string.Empty, HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/connectors/1/fault", """{"errorCode":"Meltdown"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/connectors/1/fault", """{"errorCode":"NoError"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/connectors/1/fault", """{"errorCode":"GroundFailure","info":"123456789012345678901234567890123456789012345678901"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/connectors/9/fault", """{"errorCode":"GroundFailure"}""", HttpStatusCode.NotFound);

        // Bad requests change nothing and crash nothing.
        Assert.Equal("Available", (await http.GetFromJsonAsync<JsonElement>("/state")).GetProperty("connectors")[0].GetProperty("status").GetString());
        await station.Process.TerminateAsync();
        Assert.Equal(0, await station.Process.WaitForExitAsync(ProcessTimeout));
    }

    [Fact]
    public async Task The_tamper_and_security_log_requests_raise_their_security_events_and_bad_requests_get_400()
    {
        await using var station = await StartStationAsync("CTRL-SEC");
        using var http = station.Http;
        var session = await Csms.WaitForStationAsync("CTRL-SEC").OrTimeout();
        await session.WaitForFirstCallAsync<SecurityEventNotificationRequest>(e => e.Type == "StartupOfTheDevice").OrTimeout();

        var state = await PostAsync(http, "/tamper", """{"sensor":"enclosure door"}""");
        Assert.True(state.GetProperty("connected").GetBoolean());
        var tamper = await session.WaitForFirstCallAsync<SecurityEventNotificationRequest>(e => e.Type == "TamperDetectionActivated").OrTimeout();
        Assert.Equal("enclosure door triggered", tamper.TechInfo);
        await PostAsync(http, "/tamper");
        var log = await http.GetFromJsonAsync<JsonElement>("/security-log");
        Assert.Equal(2, log.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "TamperDetectionActivated"));

        var cleared = await PostAsync(http, "/security-log/clear", """{"reason":"maintenance visit"}""");
        Assert.True(cleared.GetProperty("removed").GetInt32() >= 1);
        var clearedEvent = await session.WaitForFirstCallAsync<SecurityEventNotificationRequest>(e => e.Type == "SecurityLogWasCleared").OrTimeout();
        Assert.Equal("cleared through the control API: maintenance visit", clearedEvent.TechInfo);

        // What is left: SecurityLogWasCleared, after any event whose answer had not arrived yet (none is lost by clearing).
        var left = (await http.GetFromJsonAsync<JsonElement>("/security-log")).GetProperty("entries");
        Assert.Equal(cleared.GetProperty("remaining").GetInt32(), left.GetArrayLength());
        Assert.Equal("SecurityLogWasCleared", left[left.GetArrayLength() - 1].GetProperty("type").GetString());
        Assert.All(left.EnumerateArray().SkipLast(1), e => Assert.False(e.GetProperty("delivered").GetBoolean()));

        // Each sent SecurityEventNotification is valid against the security whitepaper's schema.
        var payloads = session.Frames.Where(f => f.Text.Contains("\"SecurityEventNotification\"", StringComparison.Ordinal))
            .Select(f => JsonDocument.Parse(f.Text).RootElement[3].GetRawText()).ToList();
        Assert.True(payloads.Count >= 4);
        Assert.All(payloads, p => OcppSchemas.AssertValid("SecurityEventNotification", isResponse: false, p));

        await ExpectAsync(http, "/tamper", "not json", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/tamper", """{"sensor":""}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/tamper", """{"sensor":"123456789012345678901234567890123456789012345678901"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/tamper", """{"door":"open"}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/security-log/clear", "[1]", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/security-log/clear", """{"reason":" "}""", HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/security-log/clear", $$"""{"reason":"{{new string('x', 201)}}"}""", HttpStatusCode.BadRequest);

        // Bad requests raise nothing and clear nothing.
        var after = (await http.GetFromJsonAsync<JsonElement>("/security-log")).GetProperty("entries");
        Assert.Equal(left.GetArrayLength(), after.GetArrayLength());
        await station.Process.TerminateAsync();
        Assert.Equal(0, await station.Process.WaitForExitAsync(ProcessTimeout));
    }

    // process-crash-safe skips the fsync of each commit: kill -9 of the process must lose nothing all the same.
    [Theory]
    [InlineData("power-loss-safe")]
    [InlineData("process-crash-safe")]
    public async Task After_kill_9_the_restarted_station_stops_the_interrupted_transaction_with_PowerLoss(string durability)
    {
        // One-second sampling (widened by the model file) so the meter is persisted while the test waits briefly.
        var config = Path.Combine(Data.Path, "fast-sampling.json");
        await File.WriteAllTextAsync(config, """{"configuration":{"MeterValueSampleInterval":{"value":"1","min":1}}}""");
        int transactionId;
        StationSession session;
        var id = $"POWER-{durability}";
        await using (var first = await StartStationAsync(id, config, durability))
        {
            session = await Csms.WaitForStationAsync(id).OrTimeout();
            await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();
            await PostAsync(first.Http, "/connectors/1/plug");
            await PostAsync(first.Http, "/rfid", """{"idTag":"CARD-9"}""");
            await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
            transactionId = (await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.StartTransaction)).OrTimeout()).Payload is StartTransactionResponse started
                ? started.TransactionId
                : throw new InvalidOperationException("no StartTransaction answer");
            await session.WaitForCallAsync<MeterValuesRequest>(0, m => m.MeterValue[0].SampledValue[0].Value != "0").OrTimeout();

            await first.Process.KillAsync();
            first.Http.Dispose();
        }

        await using var second = await StartStationAsync(id, config, durability);
        var rebooted = await Csms.WaitForStationAsync(id, s => s != session && s.IsConnected).OrTimeout();
        var stop = await rebooted.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();

        Assert.Equal(Reason.PowerLoss, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.True(stop.MeterStop > 0, "the last persisted meter reading, not meterStart");
        await second.Process.TerminateAsync();
        Assert.Equal(0, await second.Process.WaitForExitAsync(ProcessTimeout));
    }

    [Fact]
    public async Task A_reset_reboots_the_station_inside_the_process_and_a_new_process_resumes_from_the_same_data()
    {
        StationSession rebooted;
        await using (var first = await StartStationAsync("RESET-1"))
        {
            var session = await Csms.WaitForStationAsync("RESET-1").OrTimeout();
            await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();
            await PostAsync(first.Http, "/connectors/1/plug");
            await PostAsync(first.Http, "/rfid", """{"idTag":"CARD-R"}""");
            await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
            var availability = await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative }).OrTimeout();
            Assert.Equal(AvailabilityStatus.Scheduled, availability.Status);

            var reset = await session.CallAsync(new ResetRequest { Type = ResetType.Soft }).OrTimeout();

            Assert.Equal(ResetStatus.Accepted, reset.Status);
            Assert.Equal(Reason.SoftReset, (await session.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout()).Reason);
            rebooted = await Csms.WaitForStationAsync("RESET-1", s => s != session && s.IsConnected).OrTimeout();
            await rebooted.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
            var status = await rebooted.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();
            Assert.Equal(ChargePointStatus.Unavailable, status.Status);
            Assert.False(first.Process.HasExited, "a reset restarts the station, not the process");

            await first.Process.TerminateAsync();
            Assert.Equal(0, await first.Process.WaitForExitAsync(ProcessTimeout));
        }

        await using var second = await StartStationAsync("RESET-1");
        var resumed = await Csms.WaitForStationAsync("RESET-1", s => s != rebooted && s.IsConnected).OrTimeout();
        var resumedStatus = await resumed.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        Assert.Equal(ChargePointStatus.Unavailable, resumedStatus.Status);
        await second.Process.TerminateAsync();
        Assert.Equal(0, await second.Process.WaitForExitAsync(ProcessTimeout));
    }

    [Fact]
    [Trait("Cert", "TC_005_1_CS")]
    public async Task Unplugging_at_the_EV_side_leaves_a_detachable_cable_Finishing_until_it_is_unplugged_at_the_station()
    {
        var config = Path.Combine(Data.Path, "detachable.json");
        await File.WriteAllTextAsync(config, """{"connectors":[{"type":"cType2","fixedCable":false}]}""");
        await using var station = await StartStationAsync("EVSIDE-1", config);
        using var http = station.Http;
        var session = await Csms.WaitForStationAsync("EVSIDE-1").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        await PostAsync(http, "/connectors/1/plug");
        await PostAsync(http, "/rfid", """{"idTag":"CARD-E"}""");
        await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        var unplugged = await PostAsync(http, "/connectors/1/ev/unplug");
        var stop = await session.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();

        Assert.Equal(Reason.EVDisconnected, stop.Reason);
        Assert.Equal("Finishing", unplugged.GetProperty("connectors")[0].GetProperty("status").GetString());
        Assert.False(unplugged.GetProperty("connectors")[0].GetProperty("plugged").GetBoolean());
        Assert.Equal("Available", await StatusAfterAsync(http, "/connectors/1/unplug"));
        await ExpectAsync(http, "/connectors/x/ev/unplug", null, HttpStatusCode.BadRequest);
        await ExpectAsync(http, "/connectors/2/ev/unplug", null, HttpStatusCode.NotFound);
        await station.Process.TerminateAsync();
        Assert.Equal(0, await station.Process.WaitForExitAsync(ProcessTimeout));
    }

    private async Task<RunningStation> StartStationAsync(string id, string? config = null, string? durability = null)
    {
        var port = FreePort();
        var args = new List<string>
        {
            "run", "--csms-url", Csms.Endpoint.ToString(), "--id", id, "--data-dir", Path.Combine(Data.Path, id),
            "--control-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (config is not null)
        {
            args.AddRange(["--config", config]);
        }

        if (durability is not null)
        {
            args.AddRange(["--durability", durability]);
        }

        var process = CommandProcess.Start([.. args]);
        await process.WaitForLineAsync(l => l == $"control listening on http://127.0.0.1:{port}", ProcessTimeout);
        return new RunningStation(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string? body = null)
    {
        using var content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content).OrTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> StatusAfterAsync(HttpClient http, string path, string? body = null) =>
        (await PostAsync(http, path, body)).GetProperty("connectors")[0].GetProperty("status").GetString();

    private static async Task ExpectAsync(HttpClient http, string path, string? body, HttpStatusCode expected)
    {
        using var content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content).OrTimeout();
        Assert.Equal(expected, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
    }

    private sealed record RunningStation(CommandProcess Process, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Process.DisposeAsync();
        }
    }
}
