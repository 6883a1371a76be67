using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.Model;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Configuration;

/// <summary>ChangeConfiguration, GetConfiguration and the station's own changes (OCPP 1.6 §5.3, §5.8, §9).</summary>
public sealed class ConfigurationServiceTests
{
    private readonly TestLogSink _logs = new();
    private readonly InMemoryConfigurationStore _store;
    private readonly ConfigurationService _configuration;
    private readonly List<string> _changed = [];

    public ConfigurationServiceTests()
    {
        _store = new InMemoryConfigurationStore();
        _configuration = Create(_store);
        _configuration.Changed += _changed.Add;
    }

    [Fact]
    [Trait("Cert", "TC_040_1_CS")]
    public void An_unknown_key_is_not_supported_and_nothing_is_stored()
    {
        Assert.Equal(ConfigurationStatus.NotSupported, _configuration.Change("NoSuchKey", "1"));

        Assert.Empty(_store.Saves);
        Assert.Empty(_changed);
        Assert.Null(_configuration.Get("NoSuchKey"));
    }

    [Fact]
    public void A_read_only_key_is_rejected_and_keeps_its_value()
    {
        Assert.Equal(ConfigurationStatus.Rejected, _configuration.Change(CoreKeys.NumberOfConnectors, "2"));

        Assert.Equal("1", _configuration.Get(CoreKeys.NumberOfConnectors));
        Assert.Empty(_store.Saves);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2101 && e.Message.Contains("read-only", StringComparison.Ordinal));
    }

    [Theory]
    [Trait("Cert", "TC_040_2_CS")]
    [InlineData("HeartbeatInterval", "9")]
    [InlineData("HeartbeatInterval", "61")]
    [InlineData("HeartbeatInterval", "sixty")]
    [InlineData("LocalPreAuthorize", "yes")]
    [InlineData("MeterValuesSampledData", "Energy.Active.Import.Register,Bogus")]
    [InlineData("MeterValuesSampledData", "Voltage,Voltage")]
    [InlineData("MeterValuesSampledData", "Voltage,Frequency,Current.Import,Power.Active.Import,Energy.Active.Import.Register")]
    [InlineData("ConnectorPhaseRotation", "2.RST")]
    public void An_invalid_value_is_rejected_and_the_old_value_kept(string key, string value)
    {
        var before = _configuration.Get(key);

        Assert.Equal(ConfigurationStatus.Rejected, _configuration.Change(key, value));

        Assert.Equal(before, _configuration.Get(key));
        Assert.Empty(_store.Saves);
        Assert.Empty(_changed);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2101 && e.Level == LogLevel.Information);
    }

    [Fact]
    [Trait("Cert", "TC_021_CS")]
    public void An_accepted_value_is_stored_in_canonical_form_applied_and_announced()
    {
        Assert.Equal(ConfigurationStatus.Accepted, _configuration.Change(CoreKeys.LocalPreAuthorize, "TRUE"));

        Assert.Equal("true", _configuration.Get(CoreKeys.LocalPreAuthorize));
        Assert.True(_configuration.GetBool(CoreKeys.LocalPreAuthorize));
        Assert.Equal([(CoreKeys.LocalPreAuthorize, "true")], _store.Saves);
        Assert.Equal([CoreKeys.LocalPreAuthorize], _changed);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2100);
    }

    [Fact]
    public void Setting_the_value_a_key_already_has_is_accepted_without_storing_or_announcing_it()
    {
        Assert.Equal(ConfigurationStatus.Accepted, _configuration.Change(CoreKeys.HeartbeatInterval, "60"));
        Assert.Equal(ConfigurationStatus.Accepted, _configuration.Change(CoreKeys.LocalAuthorizeOffline, "True"));
        Assert.Equal(ConfigurationStatus.Accepted, _configuration.Change(CoreKeys.HeartbeatInterval, " 060"));

        Assert.Empty(_store.Saves);
        Assert.Empty(_changed);
    }

    [Fact]
    public void Typed_reads_follow_the_latest_change()
    {
        _configuration.Change(CoreKeys.MeterValueSampleInterval, "15");
        _configuration.Change(CoreKeys.MeterValuesSampledData, "Voltage, Energy.Active.Import.Register");

        Assert.Equal(15, _configuration.GetInt(CoreKeys.MeterValueSampleInterval));
        Assert.Equal(TimeSpan.FromSeconds(15), _configuration.GetSeconds(CoreKeys.MeterValueSampleInterval));
        Assert.Equal(["Voltage", "Energy.Active.Import.Register"], _configuration.GetList(CoreKeys.MeterValuesSampledData));
        Assert.Empty(_configuration.GetList(CoreKeys.StopTxnSampledData));
    }

    [Fact]
    public void Reading_a_key_that_is_not_defined_throws()
    {
        Assert.Throws<KeyNotFoundException>(() => _configuration.GetInt("NoSuchKey"));
        Assert.Throws<KeyNotFoundException>(() => _configuration.GetBool("NoSuchKey"));
    }

    [Theory]
    [InlineData("5", "10")]
    [InlineData("3600", "60")]
    [InlineData("30", "30")]
    [InlineData("-1", "10")]
    public void The_station_sets_integers_clamped_to_the_range(string value, string set)
    {
        Assert.Equal(set, _configuration.SetFromStation(CoreKeys.HeartbeatInterval, value));

        Assert.Equal(set, _configuration.Get(CoreKeys.HeartbeatInterval));
    }

    [Fact]
    public void The_station_may_set_zero_where_zero_turns_the_feature_off()
    {
        Assert.Equal("0", _configuration.SetFromStation(CoreKeys.MeterValueSampleInterval, "0"));

        Assert.Equal(0, _configuration.GetInt(CoreKeys.MeterValueSampleInterval));
    }

    [Fact]
    public void Keys_are_matched_without_regard_to_case_and_stored_under_their_own_name()
    {
        Assert.Equal(ConfigurationStatus.Accepted, _configuration.Change("heartbeatINTERVAL", "45"));

        Assert.Equal([(CoreKeys.HeartbeatInterval, "45")], _store.Saves);
        Assert.Equal([CoreKeys.HeartbeatInterval], _changed);
        var (known, unknown) = _configuration.Read(["HEARTBEATINTERVAL", "heartbeatinterval"]);
        Assert.Empty(unknown);
        var key = Assert.Single(known);
        Assert.Equal((CoreKeys.HeartbeatInterval, "45"), (key.Key, key.Value));
    }

    [Fact]
    public void The_station_may_set_a_read_only_key()
    {
        var definitions = BlockHarness.Definitions(StationModel.Tsct2007Cp)
            .Select(d => d.Name == CoreKeys.LocalPreAuthorize ? d with { ReadOnly = true } : d);
        var configuration = new ConfigurationService(definitions, _store, _logs.CreateLogger("test"));

        Assert.Equal("true", configuration.SetFromStation(CoreKeys.LocalPreAuthorize, "True"));

        Assert.Equal(ConfigurationStatus.Rejected, configuration.Change(CoreKeys.LocalPreAuthorize, "false"));
        Assert.Equal([(CoreKeys.LocalPreAuthorize, "true")], _store.Saves);
    }

    [Fact]
    public void A_value_the_station_sets_is_stored_and_announced_like_a_change()
    {
        _configuration.SetFromStation(CoreKeys.HeartbeatInterval, "45");

        Assert.Equal([(CoreKeys.HeartbeatInterval, "45")], _store.Saves);
        Assert.Equal([CoreKeys.HeartbeatInterval], _changed);
    }

    [Fact]
    public void The_station_cannot_set_a_value_of_the_wrong_type() =>
        Assert.Throws<ArgumentException>(() => _configuration.SetFromStation(CoreKeys.LocalPreAuthorize, "maybe"));

    [Fact]
    [Trait("Cert", "TC_019_CS")]
    public void Reading_without_keys_lists_every_key_in_name_order_with_access_and_value()
    {
        var (known, unknown) = _configuration.Read(null);

        Assert.Empty(unknown);
        Assert.Equal(_configuration.Definitions.Count(), known.Count);
        Assert.Equal(known.Select(k => k.Key).Order(StringComparer.Ordinal), known.Select(k => k.Key));
        var profiles = Assert.Single(known, k => k.Key == CoreKeys.SupportedFeatureProfiles);
        Assert.True(profiles.ReadOnly);
        Assert.Equal("Core", profiles.Value);
        Assert.Equal(known, _configuration.Read([]).Known);
    }

    [Fact]
    public void Reading_named_keys_returns_them_once_and_lists_the_unknown_ones()
    {
        _configuration.Change(CoreKeys.HeartbeatInterval, "30");

        var (known, unknown) = _configuration.Read([CoreKeys.HeartbeatInterval, "Bogus", CoreKeys.HeartbeatInterval, CoreKeys.NumberOfConnectors, "Other"]);

        Assert.Equal(
            [new KeyValue { Key = CoreKeys.HeartbeatInterval, ReadOnly = false, Value = "30" }, new KeyValue { Key = CoreKeys.NumberOfConnectors, ReadOnly = true, Value = "1" }],
            known);
        Assert.Equal(["Bogus", "Other"], unknown);
    }

    [Fact]
    public void Stored_values_override_the_defaults_in_canonical_form()
    {
        var configuration = Create(new InMemoryConfigurationStore(new Dictionary<string, string>
        {
            [CoreKeys.HeartbeatInterval] = "30",
            [CoreKeys.LocalPreAuthorize] = "TRUE",
        }));

        Assert.Equal("30", configuration.Get(CoreKeys.HeartbeatInterval));
        Assert.Equal("true", configuration.Get(CoreKeys.LocalPreAuthorize));
        _logs.AssertNoErrors();
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Stored_values_of_keys_no_longer_defined_are_ignored()
    {
        var configuration = Create(new InMemoryConfigurationStore(new Dictionary<string, string> { ["RetiredKey"] = "1" }));

        Assert.Null(configuration.Get("RetiredKey"));
        Assert.DoesNotContain(configuration.Read(null).Known, k => k.Key == "RetiredKey");
    }

    [Fact]
    public void A_stored_value_the_definitions_refuse_is_ignored_with_a_warning()
    {
        // Stored under a model that allowed 5 s; this model's range is 10..60.
        var configuration = Create(new InMemoryConfigurationStore(new Dictionary<string, string>
        {
            [CoreKeys.HeartbeatInterval] = "5",
            [CoreKeys.MeterValueSampleInterval] = "20",
        }));

        Assert.Equal("60", configuration.Get(CoreKeys.HeartbeatInterval));
        Assert.Equal("20", configuration.Get(CoreKeys.MeterValueSampleInterval));
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2102, warning.EventId.Id);
        Assert.Contains("'5'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(CoreKeys.HeartbeatInterval, warning.Message, StringComparison.Ordinal);
        Assert.Contains("outside 10..60", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_are_read_back_by_the_next_start()
    {
        _configuration.Change(CoreKeys.ConnectionTimeOut, "90");

        Assert.Equal("90", Create(_store).Get(CoreKeys.ConnectionTimeOut));
    }

    private ConfigurationService Create(InMemoryConfigurationStore store) =>
        new(BlockHarness.Definitions(StationModel.Tsct2007Cp), store, _logs.CreateLogger("Station.Configuration"));
}
