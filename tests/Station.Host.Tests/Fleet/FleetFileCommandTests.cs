using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Station.Host.Tests.Fleet;

/// <summary>A fleet file and chaos in the fleet command as a process, against the built-in Central System over loopback WebSockets.</summary>
public sealed class FleetFileCommandTests : CentralSystemProcessTest
{
    [Fact]
    public async Task A_fleet_file_runs_each_group_with_its_model_ids_connectors_defaults_and_chaos_and_counts_the_chaos()
    {
        File.WriteAllText(Path.Combine(Data.Path, "dc.json"), """{"vendor": "ACME", "model": "DC-50"}""");
        var file = Path.Combine(Data.Path, "fleet.json");
        File.WriteAllText(file, """
            {"groups": [
              {"name": "ac", "count": 2, "idPrefix": "AC-", "connectors": 3, "set": {"MeterValueSampleInterval": 17}},
              {"name": "dc", "config": "dc.json", "count": 2, "idPrefix": "DC-", "connectors": 1,
               "chaos": {"disconnects": 720, "offline": "1-2", "powerLosses": 720, "powerOff": "1-2"}}
            ]}
            """);
        var boots = new System.Collections.Concurrent.ConcurrentQueue<(string Station, string Vendor)>();
        Csms.FrameRecorded += (_, frame) =>
        {
            if (frame.IsCall(Ocpp16.Rpc.FrameDirection.Received) && frame.Payload is BootNotificationRequest boot)
            {
                boots.Enqueue((frame.ChargePointId, boot.ChargePointVendor));
            }
        };
        var port = FreePort();
        var report = Path.Combine(Data.Path, "report.json");
        await using var fleet = CommandProcess.Start(
            "fleet", "--fleet-file", file, "--csms-url", Csms.Endpoint.ToString(), "--first-index", "11", "--data-dir", Path.Combine(Data.Path, "db"),
            "--control-port", port.ToString(CultureInfo.InvariantCulture), "--seed", "5", "--report", report);
        await fleet.WaitForLineAsync(l => l.StartsWith("fleet: 4/4 booted in ", StringComparison.Ordinal), ProcessTimeout);
        Assert.Contains(fleet.Stdout, l => l.StartsWith("fleet: 4 stations AC-00011..DC-00014", StringComparison.Ordinal));
        Assert.Contains(fleet.Stdout, l => l.StartsWith("fleet: group \"dc\": 2 x ACME DC-50 (1 connector(s)) DC-00013..DC-00014", StringComparison.Ordinal));

        foreach (var (id, vendor) in new[] { ("AC-00011", "TaeSeongConTech"), ("AC-00012", "TaeSeongConTech"), ("DC-00013", "ACME"), ("DC-00014", "ACME") })
        {
            // Every BootNotification the Central System received: the chaos may have closed the first connection already.
            await EventuallyAsync(() => Task.FromResult(boots.Contains((id, vendor))), $"{id} booted as {vendor}");
        }

        var configuration = await (await Csms.WaitForStationAsync("AC-00011").OrTimeout())
            .CallAsync(new GetConfigurationRequest { Key = ["MeterValueSampleInterval"] }).WaitAsync(ProcessTimeout, TimeProvider.System);
        Assert.Equal("17", Assert.Single(configuration.ConfigurationKey!).Value);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ac = await http.GetFromJsonAsync<JsonElement>("/stations/AC-00012/state").OrTimeout();
        Assert.Equal(3, ac.GetProperty("connectors").GetArrayLength());

        // The chaos of the dc group, at about one event every 2.5 s per station: both kinds happen, are counted, and a station that lost its power boots again.
        JsonElement counts = default;
        await EventuallyAsync(async () =>
        {
            counts = await http.GetFromJsonAsync<JsonElement>("/fleet").OrTimeout();
            return counts.GetProperty("chaosDisconnects").GetInt64() >= 1 && counts.GetProperty("chaosPowerLosses").GetInt64() >= 1;
        }, "GET /fleet counts a network drop and a power loss");

        // A power loss is a new instance: it boots again on a new connection (a network drop only reconnects).
        await EventuallyAsync(() => Task.FromResult(boots.Count(b => b.Station.StartsWith("DC-", StringComparison.Ordinal)) >= 3), "a dc station booted again");
        Assert.Single(boots, b => b.Station == "AC-00011");
        counts = await http.GetFromJsonAsync<JsonElement>("/fleet").OrTimeout();
        Assert.True(counts.GetProperty("reconnects").GetInt64() >= 1, counts.ToString());

        await fleet.TerminateAsync();
        Assert.Equal(0, await fleet.WaitForExitAsync(ProcessTimeout));
        Assert.Contains(fleet.Stdout, l => l.StartsWith("fleet: stopped; ", StringComparison.Ordinal) && l.Contains(" chaos-power-losses=", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(json.RootElement.GetProperty("chaosPowerLosses").GetInt64() >= 1);
        var groups = json.RootElement.GetProperty("groups");
        Assert.Equal(["ac", "dc"], groups.EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(720, groups[1].GetProperty("chaos").GetProperty("powerLossesPerHour").GetDouble());
        Assert.Contains("Chaos: ", File.ReadAllText(Path.ChangeExtension(report, ".html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_fleet_file_exits_with_code_2_and_one_line_naming_the_group_and_the_field()
    {
        var file = Path.Combine(Data.Path, "fleet.json");
        File.WriteAllText(file, """{"groups": [{"name": "ac", "count": 1}, {"name": "dc", "count": -1}]}""");

        await using var fleet = CommandProcess.Start("fleet", "--fleet-file", file, "--csms-url", "ws://127.0.0.1:9/ocpp", "--data-dir", Data.Path);

        Assert.Equal(2, await fleet.WaitForExitAsync(ProcessTimeout));
        Assert.Equal($"error: --fleet-file '{file}': groups[1] \"dc\": count: -1 must be at least 1", Assert.Single(fleet.Stderr));
    }

    // What another process does has no event this one can wait on; GET /fleet and the Central System's sessions are what a user reads.
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < ProcessTimeout, $"not within {ProcessTimeout}: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
