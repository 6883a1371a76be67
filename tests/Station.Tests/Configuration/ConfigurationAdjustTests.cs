using Ocpp16.Messages;
using Station.Configuration;
using Station.Metering;
using Station.Model;
using Xunit;

namespace Station.Tests.Configuration;

/// <summary>How a station model changes the built-in key definitions, and how it is refused.</summary>
public sealed class ConfigurationAdjustTests
{
    [Fact]
    public void A_model_sets_the_default_the_range_and_the_access_of_a_key()
    {
        var adjusted = Adjust(new()
        {
            [CoreKeys.HeartbeatInterval] = new() { Value = "120", Min = 30, Max = 300 },
            [CoreKeys.LocalPreAuthorize] = new() { Value = "TRUE", ReadOnly = true },
            [CoreKeys.GetConfigurationMaxKeys] = new() { ReadOnly = false },
        });

        var heartbeat = adjusted[CoreKeys.HeartbeatInterval];
        Assert.Equal(("120", 30, 300), (heartbeat.DefaultValue, heartbeat.Min, heartbeat.Max));
        Assert.Equal(("true", true), (adjusted[CoreKeys.LocalPreAuthorize].DefaultValue, adjusted[CoreKeys.LocalPreAuthorize].ReadOnly));
        Assert.False(adjusted[CoreKeys.GetConfigurationMaxKeys].ReadOnly);
    }

    [Fact]
    public void Keys_the_model_does_not_name_keep_their_built_in_definition()
    {
        var builtIn = Builtin();
        var model = StationModel.Tsct2007Cp with { Configuration = new Dictionary<string, ConfigurationKeyModel> { [CoreKeys.HeartbeatInterval] = new() { Value = "30" } } };

        var adjusted = ConfigurationService.Adjust(builtIn.Values, model).ToDictionary(d => d.Name);

        Assert.Equal(builtIn.Count, adjusted.Count);
        Assert.All(builtIn.Values.Where(d => d.Name != CoreKeys.HeartbeatInterval), d => Assert.Same(d, adjusted[d.Name]));
    }

    [Fact]
    public void A_range_alone_keeps_the_built_in_default_when_it_fits()
    {
        var heartbeat = Adjust(new() { [CoreKeys.HeartbeatInterval] = new() { Min = 20 } })[CoreKeys.HeartbeatInterval];

        Assert.Equal(("60", 20, 86400), (heartbeat.DefaultValue, heartbeat.Min, heartbeat.Max));
    }

    [Fact]
    public void An_unknown_key_is_refused_by_name()
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { ["HeartBeatInterval"] = new() { Value = "30" } }));

        Assert.Equal("configuration.HeartBeatInterval: unknown configuration key", error.Message);
    }

    [Fact]
    public void A_min_above_the_max_is_refused()
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.HeartbeatInterval] = new() { Min = 100, Max = 50 } }));

        Assert.Equal("configuration.HeartbeatInterval: min 100 is above max 50", error.Message);
    }

    [Fact]
    public void A_min_above_the_built_in_max_is_refused()
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.MinimumStatusDuration] = new() { Min = 4000 } }));

        Assert.Equal("configuration.MinimumStatusDuration: min 4000 is above max 3600", error.Message);
    }

    [Theory]
    [InlineData("5", "configuration.HeartbeatInterval.value: 5 is outside 10..60")]
    [InlineData("often", "configuration.HeartbeatInterval.value: 'often' is not a whole number")]
    public void A_default_outside_the_range_is_refused(string value, string message)
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.HeartbeatInterval] = new() { Value = value, Min = 10, Max = 60 } }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_narrower_range_that_excludes_the_built_in_default_is_refused()
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.HeartbeatInterval] = new() { Max = 30 } }));

        Assert.Equal("configuration.HeartbeatInterval.value: 60 is outside 10..30", error.Message);
    }

    [Fact]
    public void A_default_that_is_not_a_boolean_is_refused()
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.LocalPreAuthorize] = new() { Value = "on" } }));

        Assert.Equal("configuration.LocalPreAuthorize.value: 'on' is not true or false", error.Message);
    }

    [Fact]
    public void A_default_measurand_the_meters_cannot_report_is_refused()
    {
        var error = Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.MeterValuesSampledData] = new() { Value = "SoC" } }));

        Assert.StartsWith("configuration.MeterValuesSampledData.value: 'SoC' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refusal_is_one_line()
    {
        ModelException[] refusals =
        [
            Assert.Throws<ModelException>(() => Adjust(new() { ["Nope"] = new() })),
            Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.HeartbeatInterval] = new() { Min = 2, Max = 1 } })),
            Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.ConnectorPhaseRotation] = new() { Value = "1.RST,2.RST" } })),
            Assert.Throws<ModelException>(() => Adjust(new() { [CoreKeys.MeterValuesAlignedData] = new() { Value = "Voltage,Voltage" } })),
        ];

        Assert.All(refusals, e => Assert.DoesNotContain('\n', e.Message));
    }

    private static Dictionary<string, ConfigurationKeyDefinition> Builtin() =>
        CoreKeys.Definitions(StationModel.Tsct2007Cp, SupportedMeasurands.For(StationModel.Tsct2007Cp), [FeatureProfile.Core]).ToDictionary(d => d.Name);

    private static Dictionary<string, ConfigurationKeyDefinition> Adjust(Dictionary<string, ConfigurationKeyModel> changes)
    {
        var model = StationModel.Tsct2007Cp with { Configuration = changes };
        return ConfigurationService.Adjust(Builtin().Values, model).ToDictionary(d => d.Name);
    }
}
