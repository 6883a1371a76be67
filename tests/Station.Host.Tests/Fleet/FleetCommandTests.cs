using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CentralSystem;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests.Fleet;

/// <summary>The fleet command as a process against the built-in Central System over loopback WebSockets.</summary>
public sealed class FleetCommandTests : CentralSystemProcessTest
{
    [Theory]
    [InlineData("--stations", "0")]
    [InlineData("--stations", "ten")]
    [InlineData("--csms-url", "http://example.com/ocpp")]
    [InlineData("--ramp", "0")]
    [InlineData("--tx-duration", "60-30")]
    [InlineData("--tx-pause", "x")]
    [InlineData("--source-address", "127.0.0.9-127.0.0.2")]
    [InlineData("--source-address", "not-an-address")]
    [InlineData("--set", "NoEquals")]
    [InlineData("--connectors", "0")]
    [InlineData("--control-port", "70000")]
    [InlineData("--duration", "-1")]
    [InlineData("--bogus", "1")]
    public async Task A_bad_option_exits_with_code_2_and_one_error_line(string option, string value)
    {
        var args = option == "--csms-url"
            ? new[] { "fleet", "--stations", "1", option, value }
            : ["fleet", "--csms-url", "ws://127.0.0.1:9/ocpp", "--stations", "1", "--data-dir", Data.Path, option, value];
        await using var fleet = CommandProcess.Start(args);

        Assert.Equal(2, await fleet.WaitForExitAsync(ProcessTimeout));
        Assert.StartsWith("error: ", Assert.Single(fleet.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_stations_than_the_file_limit_allows_is_refused_at_start_naming_the_limit()
    {
        await using var fleet = CommandProcess.Start("fleet", "--csms-url", "ws://127.0.0.1:9/ocpp", "--stations", "2000000", "--data-dir", Data.Path);

        Assert.Equal(2, await fleet.WaitForExitAsync(ProcessTimeout));
        Assert.Contains("ulimit -n", Assert.Single(fleet.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stations_get_prefixed_ids_from_the_first_index_spread_round_robin_over_urls_and_source_addresses_and_each_is_driven_by_hand()
    {
        await using var second = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System).OrTimeout();
        var port = FreePort();
        await using var fleet = CommandProcess.Start(
            "fleet", "--csms-url", Csms.Endpoint.ToString(), "--csms-url", second.Endpoint.ToString(), "--stations", "10", "--first-index", "41",
            "--id-prefix", "T-", "--source-address", "127.0.0.2-127.0.0.3", "--data-dir", Data.Path, "--control-port", Text(port), "--seed", "5");
        await fleet.WaitForLineAsync(l => l.StartsWith("fleet: 10/10 booted in ", StringComparison.Ordinal), ProcessTimeout);
        Assert.Contains(fleet.Stdout, l => l.Contains("seed 5", StringComparison.Ordinal));
        Assert.Contains($"control listening on http://127.0.0.1:{port}", fleet.Stdout);

        string[] ids = [.. Enumerable.Range(41, 10).Select(i => $"T-{i:D5}")];
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var csms = i % 2 == 0 ? Csms : second;
            var session = await csms.WaitForStationAsync(id).OrTimeout();
            Assert.Equal(IPAddress.Parse(i % 2 == 0 ? "127.0.0.2" : "127.0.0.3"), MapToV4(session.RemoteAddress));
        }

        Assert.Equal(5, Csms.Sessions.Count);
        Assert.Equal(5, second.Sessions.Count);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var counts = await http.GetFromJsonAsync<JsonElement>("/fleet").OrTimeout();
        Assert.Equal(10, counts.GetProperty("stations").GetInt32());
        Assert.Equal(10, counts.GetProperty("booted").GetInt32());

        var page = await http.GetFromJsonAsync<JsonElement>("/stations?offset=2&limit=3").OrTimeout();
        Assert.Equal(10, page.GetProperty("total").GetInt32());
        Assert.Equal(["T-00043", "T-00044", "T-00045"], page.GetProperty("stations").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray());
        var found = await http.GetFromJsonAsync<JsonElement>("/stations?q=t-0005").OrTimeout();
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        using (var plug = await http.PostAsync("/stations/T-00042/connectors/1/plug", null).OrTimeout())
        {
            Assert.Equal(HttpStatusCode.OK, plug.StatusCode);
            var state = await plug.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("T-00042", state.GetProperty("chargePointId").GetString());
            Assert.Equal("Preparing", state.GetProperty("connectors")[0].GetProperty("status").GetString());
        }

        await (await second.WaitForStationAsync("T-00042").OrTimeout()).WaitForCallAsync<StatusNotificationRequest>(0, s => s.Status == ChargePointStatus.Preparing).OrTimeout();
        var preparing = await http.GetFromJsonAsync<JsonElement>("/stations?status=Preparing").OrTimeout();
        Assert.Equal("T-00042", preparing.GetProperty("stations")[0].GetProperty("id").GetString());
        using (var unknown = await http.GetAsync("/stations/T-99999/state").OrTimeout())
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var connector = await http.PostAsync("/stations/T-00042/connectors/7/plug", null).OrTimeout())
        {
            Assert.Equal(HttpStatusCode.NotFound, connector.StatusCode);
        }

        var metrics = await http.GetStringAsync("/metrics").OrTimeout();
        Assert.Contains("ocpp_messages_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("action=\"BootNotification\"", metrics, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^fleet_stations_connected(\{[^}]*\})? 10( |$)", metrics);
        Assert.Matches(@"(?m)^fleet_stations_booted(\{[^}]*\})? 10( |$)", metrics);
        Assert.Matches(@"(?m)^fleet_stations_charging(\{[^}]*\})? 0( |$)", metrics);
        Assert.Matches(@"(?m)^ocpp_transaction_messages_queued(\{[^}]*\})? 0( |$)", metrics);
        Assert.Matches(@"(?m)^ocpp_transaction_messages_dead_letters(\{[^}]*\})? 0( |$)", metrics);
        Assert.Matches(@"(?m)^ocpp_reconnects_total(\{[^}]*\})? 0( |$)", metrics);

        await fleet.TerminateAsync();
        Assert.Equal(0, await fleet.WaitForExitAsync(ProcessTimeout));
    }

    [Fact]
    public async Task Two_fleets_with_adjacent_first_indexes_cover_the_ids_without_overlap()
    {
        await using var first = CommandProcess.Start("fleet", "--csms-url", Csms.Endpoint.ToString(), "--stations", "4", "--data-dir", Path.Combine(Data.Path, "a"));
        await using var second = CommandProcess.Start(
            "fleet", "--csms-url", Csms.Endpoint.ToString(), "--stations", "4", "--first-index", "5", "--data-dir", Path.Combine(Data.Path, "b"));
        await first.WaitForLineAsync(l => l.StartsWith("fleet: 4/4 booted", StringComparison.Ordinal), ProcessTimeout);
        await second.WaitForLineAsync(l => l.StartsWith("fleet: 4/4 booted", StringComparison.Ordinal), ProcessTimeout);

        Assert.Equal(
            [.. Enumerable.Range(1, 8).Select(i => $"SIM-{i:D5}")],
            Csms.Sessions.Select(s => s.ChargePointId).Order(StringComparer.Ordinal).ToArray());
        await first.TerminateAsync();
        await second.TerminateAsync();
        Assert.Equal(0, await first.WaitForExitAsync(ProcessTimeout));
        Assert.Equal(0, await second.WaitForExitAsync(ProcessTimeout));
    }

    [Fact]
    public async Task After_kill_9_a_restart_on_the_same_data_dir_resumes_every_station_and_stops_its_transactions_with_PowerLoss()
    {
        string[] args = ["fleet", "--csms-url", Csms.Endpoint.ToString(), "--stations", "10", "--data-dir", Data.Path, "--atg", "--tx-duration", "600-600", "--tx-pause", "0-1"];
        var started = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = new Dictionary<string, StationSession>(StringComparer.Ordinal);
        await using (var fleet = CommandProcess.Start(args))
        {
            await fleet.WaitForLineAsync(l => l.StartsWith("fleet: 10/10 booted", StringComparison.Ordinal), ProcessTimeout);
            foreach (var id in Enumerable.Range(1, 10).Select(i => $"SIM-{i:D5}"))
            {
                var session = await Csms.WaitForStationAsync(id).OrTimeout();
                before[id] = session;
                var answer = await session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.StartTransaction)).WaitAsync(ProcessTimeout, TimeProvider.System);
                started[id] = answer.Payload is StartTransactionResponse response ? response.TransactionId : throw new InvalidOperationException("no answer");
            }

            await fleet.KillAsync();
        }

        await using var restarted = CommandProcess.Start(args);
        foreach (var (id, transactionId) in started)
        {
            var session = await Csms.WaitForStationAsync(id, s => s != before[id] && s.IsConnected).WaitAsync(ProcessTimeout, TimeProvider.System);
            var stop = await session.WaitForFirstCallAsync<StopTransactionRequest>().WaitAsync(ProcessTimeout, TimeProvider.System);
            Assert.Equal(Reason.PowerLoss, stop.Reason);

            // Killed between the answer and its commit, the station sends its StartTransaction again and stops the id of that answer.
            int?[] redelivered = [.. session.Frames.Where(f => f.IsAnswerTo(OcppActions.StartTransaction)).Select(f => (f.Payload as StartTransactionResponse)?.TransactionId)];
            List<int?> acceptable = [transactionId, .. redelivered];
            Assert.Contains(stop.TransactionId, acceptable);
        }

        await restarted.TerminateAsync();
        Assert.Equal(0, await restarted.WaitForExitAsync(ProcessTimeout));
    }

    private static IPAddress? MapToV4(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
