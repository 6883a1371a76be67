using Ocpp16.Messages;
using Station.Configuration;
using Station.Metering;
using Station.Model;
using Xunit;

namespace Station.Tests.Configuration;

/// <summary>The Core configuration keys (OCPP 1.6 §9.1) as this station defines them.</summary>
public sealed class CoreKeysTests
{
    // OCPP 1.6 §9.1, every Core key: its access (AuthorizeRemoteTxRequests may be R or RW; ours is RW) and type.
    public static readonly TheoryData<string, bool, ConfigurationValueType> SpecifiedKeys = new()
    {
        { "AllowOfflineTxForUnknownId", false, ConfigurationValueType.Boolean },
        { "AuthorizationCacheEnabled", false, ConfigurationValueType.Boolean },
        { "AuthorizeRemoteTxRequests", false, ConfigurationValueType.Boolean },
        { "BlinkRepeat", false, ConfigurationValueType.Integer },
        { "ClockAlignedDataInterval", false, ConfigurationValueType.Integer },
        { "ConnectionTimeOut", false, ConfigurationValueType.Integer },
        { "ConnectorPhaseRotation", false, ConfigurationValueType.List },
        { "ConnectorPhaseRotationMaxLength", true, ConfigurationValueType.Integer },
        { "GetConfigurationMaxKeys", true, ConfigurationValueType.Integer },
        { "HeartbeatInterval", false, ConfigurationValueType.Integer },
        { "LightIntensity", false, ConfigurationValueType.Integer },
        { "LocalAuthorizeOffline", false, ConfigurationValueType.Boolean },
        { "LocalPreAuthorize", false, ConfigurationValueType.Boolean },
        { "MaxEnergyOnInvalidId", false, ConfigurationValueType.Integer },
        { "MeterValuesAlignedData", false, ConfigurationValueType.List },
        { "MeterValuesAlignedDataMaxLength", true, ConfigurationValueType.Integer },
        { "MeterValuesSampledData", false, ConfigurationValueType.List },
        { "MeterValuesSampledDataMaxLength", true, ConfigurationValueType.Integer },
        { "MeterValueSampleInterval", false, ConfigurationValueType.Integer },
        { "MinimumStatusDuration", false, ConfigurationValueType.Integer },
        { "NumberOfConnectors", true, ConfigurationValueType.Integer },
        { "ResetRetries", false, ConfigurationValueType.Integer },
        { "StopTransactionOnEVSideDisconnect", false, ConfigurationValueType.Boolean },
        { "StopTransactionOnInvalidId", false, ConfigurationValueType.Boolean },
        { "StopTxnAlignedData", false, ConfigurationValueType.List },
        { "StopTxnAlignedDataMaxLength", true, ConfigurationValueType.Integer },
        { "StopTxnSampledData", false, ConfigurationValueType.List },
        { "StopTxnSampledDataMaxLength", true, ConfigurationValueType.Integer },
        { "SupportedFeatureProfiles", true, ConfigurationValueType.List },
        { "SupportedFeatureProfilesMaxLength", true, ConfigurationValueType.Integer },
        { "TransactionMessageAttempts", false, ConfigurationValueType.Integer },
        { "TransactionMessageRetryInterval", false, ConfigurationValueType.Integer },
        { "UnlockConnectorOnEVSideDisconnect", false, ConfigurationValueType.Boolean },
        { "WebSocketPingInterval", false, ConfigurationValueType.Integer },
    };

    [Theory]
    [MemberData(nameof(SpecifiedKeys))]
    [Trait("Cert", "TC_019_CS")]
    public void Every_Core_key_of_the_specification_is_defined_with_its_access_and_type(string name, bool readOnly, ConfigurationValueType type)
    {
        var definition = Assert.Single(Definitions(StationModel.Tsct2007Cp), d => d.Name == name);

        Assert.Equal(readOnly, definition.ReadOnly);
        Assert.Equal(type, definition.Type);
        Assert.Equal(FeatureProfile.Core, definition.Profile);
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
    }

    [Fact]
    public void Beyond_the_specified_keys_only_the_vendor_key_StopTransactionMaxMeterValues_is_defined()
    {
        var specified = SpecifiedKeys.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        var extra = Definitions(StationModel.Tsct2007Cp).Select(d => d.Name).Where(n => !specified.Contains(n));

        Assert.Equal([CoreKeys.StopTransactionMaxMeterValues], extra);
    }

    [Fact]
    public void Every_default_is_a_value_its_own_definition_accepts_unchanged()
    {
        foreach (var model in new[] { StationModel.Tsct2007Cp, ThreePhaseAndDc() })
        {
            Assert.All(Definitions(model), d =>
            {
                Assert.Equal(d.DefaultValue, d.Normalize(d.DefaultValue, out var error));
                Assert.Null(error);
            });
        }
    }

    [Fact]
    public void Key_names_are_unique() =>
        Assert.Equal(Definitions(StationModel.Tsct2007Cp).Count, Definitions(StationModel.Tsct2007Cp).Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void SupportedFeatureProfiles_lists_the_profiles_given_and_is_read_only()
    {
        var profiles = Definitions(StationModel.Tsct2007Cp, [FeatureProfile.Core, FeatureProfile.FirmwareManagement, FeatureProfile.RemoteTrigger])
            .Single(d => d.Name == CoreKeys.SupportedFeatureProfiles);

        Assert.Equal("Core,FirmwareManagement,RemoteTrigger", profiles.DefaultValue);
        Assert.True(profiles.ReadOnly);
    }

    [Fact]
    public void The_measurand_keys_allow_exactly_the_measurands_of_the_model_up_to_four_each()
    {
        var measurands = new HashSet<string>(["Energy.Active.Import.Register", "Voltage"], StringComparer.Ordinal);
        var definitions = CoreKeys.Definitions(StationModel.Tsct2007Cp, measurands, [FeatureProfile.Core]).ToDictionary(d => d.Name);

        foreach (var key in new[] { CoreKeys.MeterValuesAlignedData, CoreKeys.MeterValuesSampledData, CoreKeys.StopTxnAlignedData, CoreKeys.StopTxnSampledData })
        {
            Assert.Same(measurands, definitions[key].AllowedItems);
            Assert.Equal(CoreKeys.DefaultMeasurandListLength, definitions[key].MaxItems);
            Assert.Equal(4, definitions[key].MaxItems);
        }

        Assert.Equal("Energy.Active.Import.Register", definitions[CoreKeys.MeterValuesSampledData].DefaultValue);
        Assert.Equal("Energy.Active.Import.Register", definitions[CoreKeys.MeterValuesAlignedData].DefaultValue);
        Assert.Equal(string.Empty, definitions[CoreKeys.StopTxnSampledData].DefaultValue);
        Assert.Equal(string.Empty, definitions[CoreKeys.StopTxnAlignedData].DefaultValue);
    }

    [Theory]
    [Trait("Cert", "ORS-1")]
    [Trait("Cert", "ORS-2")]
    [Trait("Cert", "ORS-3")]
    [Trait("Cert", "ORS-8")]
    [Trait("Cert", "ORS-9")]
    [Trait("Cert", "ORS-10")]
    [Trait("Cert", "ORS-11")]
    [InlineData("GetConfigurationMaxKeys", "24")]
    [InlineData("MeterValuesAlignedDataMaxLength", "4")]
    [InlineData("MeterValuesSampledDataMaxLength", "4")]
    [InlineData("StopTxnAlignedDataMaxLength", "4")]
    [InlineData("StopTxnSampledDataMaxLength", "4")]
    [InlineData("StopTransactionMaxMeterValues", "4")]
    [InlineData("WebSocketPingInterval", "0")]
    [InlineData("HeartbeatInterval", "60")]
    [InlineData("MeterValueSampleInterval", "60")]
    public void The_built_in_model_has_the_settings_of_the_certificate(string key, string value) =>
        Assert.Equal(value, Adjusted(StationModel.Tsct2007Cp).Single(d => d.Name == key).DefaultValue);

    [Theory]
    [Trait("Cert", "ORS-4")]
    [Trait("Cert", "ORS-5")]
    [Trait("Cert", "ORS-6")]
    [Trait("Cert", "ORS-7")]
    [InlineData("HeartbeatInterval")]
    [InlineData("MeterValueSampleInterval")]
    public void The_built_in_model_bounds_the_intervals_to_10_to_60_seconds(string key)
    {
        var definition = Adjusted(StationModel.Tsct2007Cp).Single(d => d.Name == key);

        Assert.Equal((10, 60), (definition.Min, definition.Max));
    }

    [Fact]
    public void The_sample_interval_may_be_turned_off_with_zero_but_the_heartbeat_may_not()
    {
        var definitions = Adjusted(StationModel.Tsct2007Cp).ToDictionary(d => d.Name);

        Assert.Equal("0", definitions[CoreKeys.MeterValueSampleInterval].Normalize("0", out _));
        Assert.Equal("0", definitions[CoreKeys.ClockAlignedDataInterval].Normalize("0", out _));
        Assert.Equal("0", definitions[CoreKeys.WebSocketPingInterval].Normalize("0", out _));
        Assert.Null(definitions[CoreKeys.HeartbeatInterval].Normalize("0", out _));
    }

    [Fact]
    public void The_connector_count_sets_NumberOfConnectors_and_the_phase_rotation_keys()
    {
        var definitions = Definitions(ThreePhaseAndDc()).ToDictionary(d => d.Name);

        Assert.Equal("2", definitions[CoreKeys.NumberOfConnectors].DefaultValue);
        Assert.Equal("3", definitions[CoreKeys.ConnectorPhaseRotationMaxLength].DefaultValue);
        Assert.Equal("1.RST,2.NotApplicable", definitions[CoreKeys.ConnectorPhaseRotation].DefaultValue);
        Assert.Equal(3, definitions[CoreKeys.ConnectorPhaseRotation].MaxItems);
    }

    [Theory]
    [InlineData("0.RST")]
    [InlineData("1.NotApplicable,2.Unknown")]
    [InlineData("0.TSR,1.SRT,2.RTS")]
    public void A_phase_rotation_names_connectors_0_to_n_with_an_OCPP_rotation(string value) =>
        Assert.Equal(value, Definitions(ThreePhaseAndDc()).Single(d => d.Name == CoreKeys.ConnectorPhaseRotation).Normalize(value, out _));

    [Theory]
    [InlineData("3.RST", "'3.RST' is not <connector 0..2>.<")]
    [InlineData("1.XYZ", "'1.XYZ' is not <connector 0..2>.<")]
    [InlineData("RST", "'RST' is not <connector 0..2>.<")]
    [InlineData("-1.RST", "'-1.RST' is not <connector 0..2>.<")]
    [InlineData("1.rst", "'1.rst' is not <connector 0..2>.<")]
    [InlineData("0.RST,1.RST,2.RST,1.RTS", "4 items where at most 3 are allowed")]
    public void A_phase_rotation_with_an_unknown_connector_or_rotation_is_refused(string value, string reason)
    {
        Assert.Null(Definitions(ThreePhaseAndDc()).Single(d => d.Name == CoreKeys.ConnectorPhaseRotation).Normalize(value, out var error));
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void StopTransactionMaxMeterValues_is_the_read_only_value_of_the_model()
    {
        var definition = Definitions(StationModel.Tsct2007Cp with { StopTransactionMaxMeterValues = 7 }).Single(d => d.Name == CoreKeys.StopTransactionMaxMeterValues);

        Assert.Equal(("7", true), (definition.DefaultValue, definition.ReadOnly));
        Assert.Null(definition.Normalize("8", out _));
    }

    private static StationModel ThreePhaseAndDc() => StationModel.Tsct2007Cp with
    {
        Connectors = [new ConnectorModel { Type = "cType2", Phases = 3 }, new ConnectorModel { Type = "cCCS2", Current = CurrentType.DC, VoltageV = 400, MaxCurrentA = 125 }],
    };

    private static IReadOnlyList<ConfigurationKeyDefinition> Definitions(StationModel model, IReadOnlyList<FeatureProfile>? profiles = null) =>
        CoreKeys.Definitions(model, SupportedMeasurands.For(model), profiles ?? [FeatureProfile.Core]);

    private static IReadOnlyList<ConfigurationKeyDefinition> Adjusted(StationModel model) => ConfigurationService.Adjust(Definitions(model), model);
}
