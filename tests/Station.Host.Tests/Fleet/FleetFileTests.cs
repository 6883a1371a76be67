using Ocpp16.Testing;
using Station.Host.Fleet;
using Xunit;

namespace Station.Host.Tests.Fleet;

/// <summary>The fleet file and how the options resolve into groups and index ranges (in the test process: the parser and loader of the command).</summary>
public sealed class FleetFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Groups_take_consecutive_indexes_from_the_first_index_each_with_its_model_prefix_connectors_defaults_timings_and_chaos()
    {
        File.WriteAllText(Path.Combine(_directory.Path, "dc.json"), """{"vendor": "ACME", "model": "DC-50"}""");
        var file = Write("""
            // Comments and trailing commas are fine.
            {"groups": [
              {"name": "ac", "count": 2, "idPrefix": "AC-", "connectors": 3, "set": {"MeterValueSampleInterval": 17, "LocalPreAuthorize": true},
               "atg": true, "txDuration": "100-200", "txPause": "7"},
              {"name": "dc", "config": "dc.json", "count": 3, "idPrefix": "DC-", "connectors": 1,
               "chaos": {"disconnects": 2.5, "offline": "1-2", "powerLosses": 0.5, "powerOff": "3-4"}},
            ]}
            """);

        var settings = Resolve("--fleet-file", file, "--first-index", "11");

        Assert.Equal(5, settings.Stations);
        Assert.Equal(["AC-00011", "AC-00012", "DC-00013", "DC-00014", "DC-00015"], Enumerable.Range(0, 5).Select(settings.StationId));
        var (ac, dc) = (settings.Groups[0], settings.Groups[1]);
        Assert.Same(ac, settings.GroupOf(1));
        Assert.Same(dc, settings.GroupOf(2));
        Assert.Same(dc, settings.GroupOf(4));
        Assert.Equal(("ac", 3, "17", "true"), (ac.Name, ac.Model.Connectors.Count, ac.Model.Configuration["MeterValueSampleInterval"].Value,
            ac.Model.Configuration["LocalPreAuthorize"].Value));
        Assert.Equal((true, new SecondsRange(100, 200), new SecondsRange(7, 7), false), (ac.Atg, ac.TxDuration, ac.TxPause, ac.Chaos.IsOn));
        Assert.Equal(("ACME", "DC-50", 1, false), (dc.Model.Vendor, dc.Model.Model, dc.Model.Connectors.Count, dc.Atg));
        Assert.Equal(
            new ChaosSettings { DisconnectsPerHour = 2.5, Offline = new(1, 2), PowerLossesPerHour = 0.5, PowerOff = new(3, 4) },
            dc.Chaos);
    }

    [Fact]
    public void The_options_are_the_one_group_shorthand()
    {
        var settings = Resolve(
            "--stations", "3", "--id-prefix", "X-", "--connectors", "1", "--atg", "--tx-duration", "10-20",
            "--chaos-disconnects", "4", "--chaos-offline", "2-3", "--chaos-power-losses", "1", "--chaos-power-off", "6-9");

        var group = Assert.Single(settings.Groups);
        Assert.Equal((3, "X-", 1, true, new SecondsRange(10, 20)), (group.Count, group.IdPrefix, group.Model.Connectors.Count, group.Atg, group.TxDuration));
        Assert.Equal(new ChaosSettings { DisconnectsPerHour = 4, Offline = new(2, 3), PowerLossesPerHour = 1, PowerOff = new(6, 9) }, group.Chaos);
        Assert.False(Resolve("--stations", "1").Groups[0].Chaos.IsOn);
    }

    [Theory]
    [InlineData("0", "1", 1)]
    [InlineData("1", "1", 101)]
    [InlineData("3", "1", 301)]
    [InlineData("2", "1001", 1201)]
    public void A_shard_starts_where_the_shard_before_it_ends(string shard, string firstIndex, int expected)
    {
        var settings = Resolve("--stations", "100", "--shard", shard, "--first-index", firstIndex);

        Assert.Equal(expected, settings.FirstIndex);
        Assert.Equal($"SIM-{expected + 99:D5}", settings.StationId(99));
    }

    [Fact]
    public void A_shard_of_a_fleet_file_moves_every_group_by_the_whole_file()
    {
        var file = Write("""{"groups": [{"count": 2, "idPrefix": "A-"}, {"count": 3, "idPrefix": "B-"}]}""");

        var settings = Resolve("--fleet-file", file, "--shard", "2");

        Assert.Equal(["A-00011", "A-00012", "B-00013", "B-00014", "B-00015"], Enumerable.Range(0, 5).Select(settings.StationId));
    }

    [Theory]
    [InlineData("""{"groups": []}""", "no groups")]
    [InlineData("""{}""", "no groups")]
    [InlineData("""{"groups": [{"name": "ac", "count": 0}]}""", "groups[0] \"ac\": count: 0 must be at least 1")]
    [InlineData("""{"groups": [{"name": "ac"}]}""", "groups[0] \"ac\": count: missing")]
    [InlineData("""{"groups": [{"count": 1}, {"name": "dc", "count": 2, "txPause": "9-1"}]}""", "groups[1] \"dc\": txPause '9-1' is not MIN-MAX")]
    [InlineData("""{"groups": [{"count": 1, "txDuration": "x"}]}""", "groups[0]: txDuration 'x'")]
    [InlineData("""{"groups": [{"count": 1, "cout": 2}]}""", "$.groups[0].cout (line 1): unknown field")]
    [InlineData("""{"groups": [{"count": "ten"}]}""", "$.groups[0].count (line 1): not a whole number")]
    [InlineData("""{"groups": [{"count": 1, "atg": "yes"}]}""", "$.groups[0].atg (line 1): not true or false")]
    [InlineData("""{"groups": [{"count": 1, "chaos": {"disconnects": -1}}]}""", "groups[0]: chaos.disconnects: -1 must be a rate per station-hour")]
    [InlineData("""{"groups": [{"count": 1, "chaos": {"powerLosses": 99999}}]}""", "groups[0]: chaos.powerLosses: 99999 must be a rate")]
    [InlineData("""{"groups": [{"count": 1, "chaos": {"offline": "5-1"}}]}""", "groups[0]: chaos.offline '5-1'")]
    [InlineData("""{"groups": [{"count": 1, "chaos": {"bogus": 1}}]}""", "$.groups[0].chaos.bogus (line 1): unknown field")]
    [InlineData("""{"groups": [{"name": "x", "count": 1, "config": "missing.json"}]}""", "groups[0] \"x\": config: ")]
    [InlineData("""{"groups": [{"count": 1, "connectors": 99}]}""", "groups[0]: connectors 99 is outside 1..32")]
    [InlineData("""{"groups": [{"count": 1, "set": {"HeartbeatInterval": [1]}}]}""", "groups[0]: set.HeartbeatInterval: array is not a string")]
    [InlineData("""{"groups": [{"count": 1, "set": {"": "1"}}]}""", "groups[0]: set: '' is not a configuration key name")]
    [InlineData("""{"groups": [{"name": "a", "count": 1}, {"name": "a", "count": 1}]}""", "groups[1] \"a\": name: \"a\" is the name of an earlier group too")]
    [InlineData("""{"groups": [{"count": 1, "idPrefix": "a b"}]}""", "group \"group 1\": idPrefix 'a b': ids must be")]
    [InlineData("""{"groups": [null]}""", "groups[0]: null")]
    [InlineData("""{"groups": [{"count": 1}""", "(line 1)")]
    [InlineData("""[]""", "$ (line 1): not an object")]
    public void A_bad_fleet_file_is_one_usage_error_naming_the_file_the_group_the_field_and_the_value(string json, string expected)
    {
        var file = Write(json);

        var error = Assert.Throws<UsageException>(() => Resolve("--fleet-file", file));

        Assert.StartsWith($"--fleet-file '{file}': ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Station.Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_fleet_file_names_it()
    {
        var missing = Path.Combine(_directory.Path, "nope.json");

        var error = Assert.Throws<UsageException>(() => Resolve("--fleet-file", missing));

        Assert.StartsWith($"--fleet-file '{missing}': ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stations", "3", "count")]
    [InlineData("--config", "x.json", "config")]
    [InlineData("--atg", null, "atg")]
    [InlineData("--chaos-power-losses", "1", "chaos.powerLosses")]
    public void With_a_fleet_file_a_group_option_is_refused_naming_the_field_of_the_file(string option, string? value, string field)
    {
        var file = Write("""{"groups": [{"count": 1}]}""");

        var error = Assert.Throws<UsageException>(() => Resolve(value is null ? ["--fleet-file", file, option] : ["--fleet-file", file, option, value]));

        Assert.Equal($"{option} is a setting of one group: with --fleet-file, set \"{field}\" in the file's groups", error.Message);
    }

    [Theory]
    [InlineData("--chaos-disconnects", "-1")]
    [InlineData("--chaos-power-losses", "-0.5")]
    [InlineData("--chaos-offline", "9-3")]
    [InlineData("--chaos-power-off", "x")]
    [InlineData("--shard", "-1")]
    [InlineData("--shard", "30000")]
    public void A_bad_chaos_or_shard_option_is_a_usage_error_naming_it(string option, string value)
    {
        var error = Assert.Throws<UsageException>(() => Resolve("--stations", "100000", option, value));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static FleetSettings Resolve(params string[] options)
    {
        var parse = FleetCommand.Create().Parse(["--csms-url", "ws://127.0.0.1:9/ocpp", .. options]);
        Assert.Empty(parse.Errors);
        return FleetCommand.Resolve(parse);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory.Path, $"fleet-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
