using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>GetConfiguration and ChangeConfiguration (OCPP 1.6 §5.3, §5.8, §9).</summary>
public sealed class ConfigurationTests(ITestOutputHelper output)
{
    private static readonly (string Key, bool ReadOnly)[] RequiredCoreKeys =
    [
        ("AuthorizeRemoteTxRequests", false), ("ClockAlignedDataInterval", false), ("ConnectionTimeOut", false),
        ("ConnectorPhaseRotation", false), ("GetConfigurationMaxKeys", true), ("HeartbeatInterval", false),
        ("LocalAuthorizeOffline", false), ("LocalPreAuthorize", false), ("MeterValuesAlignedData", false),
        ("MeterValuesSampledData", false), ("MeterValueSampleInterval", false), ("NumberOfConnectors", true),
        ("ResetRetries", false), ("StopTransactionOnInvalidId", false), ("StopTxnAlignedData", false),
        ("StopTxnSampledData", false), ("SupportedFeatureProfiles", true), ("TransactionMessageAttempts", false),
        ("TransactionMessageRetryInterval", false), ("UnlockConnectorOnEVSideDisconnect", false),
        ("StopTransactionOnEVSideDisconnect", false),
    ];

    [Fact]
    [Trait("Cert", "TC_019_CS")]
    public async Task TC_019_CS_All_keys_every_required_key_and_as_many_keys_as_GetConfigurationMaxKeys_allows()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var profiles = await session.CallAsync(new GetConfigurationRequest { Key = ["SupportedFeatureProfiles"] }).OrTimeout();
        Assert.Null(profiles.UnknownKey);
        Assert.Contains("Core", Assert.Single(profiles.ConfigurationKey!).Value!.Split(','));

        var all = await session.CallAsync(new GetConfigurationRequest()).OrTimeout();
        foreach (var (key, readOnly) in RequiredCoreKeys)
        {
            var found = Assert.Single(all.ConfigurationKey!, k => k.Key == key);
            Assert.True(found.ReadOnly == readOnly, $"{key} readonly should be {readOnly}");
        }

        var max = await session.CallAsync(new GetConfigurationRequest { Key = ["GetConfigurationMaxKeys"] }).OrTimeout();
        var limit = int.Parse(Assert.Single(max.ConfigurationKey!).Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(24, limit);
        var keys = all.ConfigurationKey!.Select(k => k.Key).Take(limit).ToList();
        var many = await session.CallAsync(new GetConfigurationRequest { Key = keys }).OrTimeout();
        Assert.Null(many.UnknownKey);
        Assert.Equal(keys.Order(), many.ConfigurationKey!.Select(k => k.Key).Order());
    }

    [Fact]
    public async Task More_keys_than_GetConfigurationMaxKeys_is_an_occurrence_violation()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var keys = Enumerable.Range(0, 25).Select(i => $"Key{i}").ToList();

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => session.CallAsync(new GetConfigurationRequest { Key = keys }).OrTimeout());

        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, error.ErrorCode);
    }

    [Fact]
    public async Task Unknown_keys_are_listed_as_unknown()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new GetConfigurationRequest { Key = ["HeartbeatInterval", "NoSuchKey"] }).OrTimeout();

        Assert.Equal("HeartbeatInterval", Assert.Single(answer.ConfigurationKey!).Key);
        Assert.Equal(["NoSuchKey"], answer.UnknownKey);
    }

    [Fact]
    [Trait("Cert", "TC_021_CS")]
    public async Task TC_021_CS_A_changed_value_is_read_back()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var change = await session.CallAsync(new ChangeConfigurationRequest { Key = "MeterValueSampleInterval", Value = "20" }).OrTimeout();
        var read = await session.CallAsync(new GetConfigurationRequest { Key = ["MeterValueSampleInterval"] }).OrTimeout();

        Assert.Equal(ConfigurationStatus.Accepted, change.Status);
        Assert.Equal("20", Assert.Single(read.ConfigurationKey!).Value);
    }

    [Fact]
    [Trait("Cert", "TC_040_1_CS")]
    public async Task TC_040_1_CS_An_unknown_key_is_not_supported()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = "Testing", Value = "true" }).OrTimeout();

        Assert.Equal(ConfigurationStatus.NotSupported, answer.Status);
    }

    [Theory]
    [Trait("Cert", "TC_040_2_CS")]
    [InlineData("MeterValueSampleInterval", "-1")]
    [InlineData("MeterValueSampleInterval", "5")]
    [InlineData("MeterValueSampleInterval", "61")]
    [InlineData("MeterValueSampleInterval", "ten")]
    [InlineData("HeartbeatInterval", "9")]
    [InlineData("NumberOfConnectors", "2")]
    [InlineData("GetConfigurationMaxKeys", "100")]
    [InlineData("LocalPreAuthorize", "maybe")]
    [InlineData("MeterValuesSampledData", "Energy.Active.Import.Register,RPM")]
    [InlineData("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,Frequency")]
    [InlineData("ConnectorPhaseRotation", "7.RST")]
    public async Task TC_040_2_CS_An_invalid_value_is_rejected_and_the_old_value_kept(string key, string value)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var before = harness.Station.Configuration.Get(key);

        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = key, Value = value }).OrTimeout();

        Assert.Equal(ConfigurationStatus.Rejected, answer.Status);
        Assert.Equal(before, harness.Station.Configuration.Get(key));
    }

    [Fact]
    public async Task Values_survive_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValueSampleInterval", "15");
        await session.ConfigureAsync("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import");

        await harness.PowerCycleAsync();
        var rebooted = await harness.WaitForSessionAsync(s => s != session && s.IsConnected);
        var read = await rebooted.CallAsync(new GetConfigurationRequest { Key = ["MeterValueSampleInterval", "MeterValuesSampledData"] }).OrTimeout();

        Assert.Equal("15", read.ConfigurationKey!.Single(k => k.Key == "MeterValueSampleInterval").Value);
        Assert.Equal("Energy.Active.Import.Register,Power.Active.Import", read.ConfigurationKey!.Single(k => k.Key == "MeterValuesSampledData").Value);
    }

    [Fact]
    public async Task A_new_heartbeat_interval_applies_at_once()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.ConfigureAsync("HeartbeatInterval", "20");
        var mark = session.LastSequence;

        harness.Clock.Advance(TimeSpan.FromSeconds(20));

        await session.Next<HeartbeatRequest>(mark);
    }
}
