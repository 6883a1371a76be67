using Station.Configuration;
using Station.Model;
using Xunit;

namespace Station.Tests.Model;

/// <summary>A station model is checked before a station is built from it; each refusal is one line naming the value.</summary>
public sealed class StationModelValidatorTests
{
    private static readonly StationModel Valid = StationModel.Tsct2007Cp;

    [Fact]
    public void The_built_in_model_is_valid() => Assert.Same(Valid, StationModelValidator.Validate(Valid));

    [Fact]
    public void Values_at_every_limit_are_valid()
    {
        var model = Valid with
        {
            Vendor = new string('v', 20),
            Model = new string('m', 20),
            SerialNumber = new string('s', 25),
            ChargeBoxSerialNumber = new string('c', 25),
            FirmwareVersion = new string('f', 50),
            Iccid = new string('i', 20),
            Imsi = new string('i', 20),
            MeterType = new string('t', 25),
            MeterSerialNumber = new string('n', 25),
            StopTransactionMaxMeterValues = 1,
            Connectors = [.. Enumerable.Repeat(new ConnectorModel { Phases = 3, VoltageV = 1500, MaxCurrentA = 1000 }, StationModelValidator.MaxConnectors)],
        };

        Assert.Same(model, StationModelValidator.Validate(model));
    }

    [Fact]
    public void Optional_identity_fields_may_be_absent() =>
        StationModelValidator.Validate(Valid with { SerialNumber = null, ChargeBoxSerialNumber = null, Iccid = null, Imsi = null, MeterType = null, MeterSerialNumber = null });

    public static readonly TheoryData<StationModel, string> Refusals = new()
    {
        { Valid with { Vendor = " " }, "vendor: a value is required" },
        { Valid with { Vendor = new string('v', 21) }, $"vendor: '{new string('v', 21)}' has 21 characters; OCPP allows 20" },
        { Valid with { Model = "" }, "model: a value is required" },
        { Valid with { Model = new string('m', 21) }, $"model: '{new string('m', 21)}' has 21 characters; OCPP allows 20" },
        { Valid with { SerialNumber = new string('s', 26) }, $"serialNumber: '{new string('s', 26)}' has 26 characters; OCPP allows 25" },
        { Valid with { ChargeBoxSerialNumber = new string('c', 26) }, $"chargeBoxSerialNumber: '{new string('c', 26)}' has 26 characters; OCPP allows 25" },
        { Valid with { FirmwareVersion = "" }, "firmwareVersion: a value is required" },
        { Valid with { FirmwareVersion = new string('f', 51) }, $"firmwareVersion: '{new string('f', 51)}' has 51 characters; OCPP allows 50" },
        { Valid with { Iccid = new string('i', 21) }, $"iccid: '{new string('i', 21)}' has 21 characters; OCPP allows 20" },
        { Valid with { Imsi = new string('i', 21) }, $"imsi: '{new string('i', 21)}' has 21 characters; OCPP allows 20" },
        { Valid with { MeterType = new string('t', 26) }, $"meterType: '{new string('t', 26)}' has 26 characters; OCPP allows 25" },
        { Valid with { MeterSerialNumber = new string('n', 26) }, $"meterSerialNumber: '{new string('n', 26)}' has 26 characters; OCPP allows 25" },
        { Valid with { StopTransactionMaxMeterValues = 0 }, "stopTransactionMaxMeterValues: 0 must be at least 1" },
        { Valid with { Connectors = [] }, "connectors: 0 connectors; a station has 1 to 64" },
        { Valid with { Connectors = [.. Enumerable.Repeat(new ConnectorModel(), 65)] }, "connectors: 65 connectors; a station has 1 to 64" },
        { Valid with { Connectors = [new ConnectorModel(), new ConnectorModel { Type = " " }] }, "connectors[1].type: a connector type such as cType2 is required" },
        { Valid with { Connectors = [new ConnectorModel { Phases = 0 }] }, "connectors[0].phases: 0 is not valid for AC (AC: 1 to 3, DC: 1)" },
        { Valid with { Connectors = [new ConnectorModel { Phases = 4 }] }, "connectors[0].phases: 4 is not valid for AC (AC: 1 to 3, DC: 1)" },
        { Valid with { Connectors = [new ConnectorModel { Current = CurrentType.DC, Phases = 3 }] }, "connectors[0].phases: 3 is not valid for DC (AC: 1 to 3, DC: 1)" },
        { Valid with { Connectors = [new ConnectorModel { VoltageV = 0 }] }, "connectors[0].voltageV: 0 is outside 0..1500" },
        { Valid with { Connectors = [new ConnectorModel { VoltageV = 1500.5 }] }, "connectors[0].voltageV: 1500.5 is outside 0..1500" },
        { Valid with { Connectors = [new ConnectorModel { MaxCurrentA = -1 }] }, "connectors[0].maxCurrentA: -1 is outside 0..1000" },
        { Valid with { Connectors = [new ConnectorModel { MaxCurrentA = 1001 }] }, "connectors[0].maxCurrentA: 1001 is outside 0..1000" },
        { Valid with { Connectors = [new ConnectorModel { VoltageV = double.NaN }] }, "connectors[0].voltageV: NaN is outside 0..1500" },
        { Valid with { Connectors = [new ConnectorModel { MaxCurrentA = double.NaN }] }, "connectors[0].maxCurrentA: NaN is outside 0..1000" },
        { Valid with { Configuration = new Dictionary<string, ConfigurationKeyModel> { ["Nope"] = new() } }, "configuration.Nope: unknown configuration key" },
        {
            Valid with { Configuration = new Dictionary<string, ConfigurationKeyModel> { ["HeartbeatInterval"] = new() { Value = "5" } } },
            "configuration.HeartbeatInterval.value: 5 is outside 10..86400"
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void An_invalid_model_is_refused_with_one_line_naming_the_value(StationModel model, string message)
    {
        var error = Assert.Throws<ModelException>(() => StationModelValidator.Validate(model));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_first_problem_is_the_one_reported()
    {
        var error = Assert.Throws<ModelException>(() => StationModelValidator.Validate(Valid with { Vendor = "", Connectors = [] }));

        Assert.Equal("vendor: a value is required", error.Message);
    }

    [Fact]
    public void The_measurand_keys_are_checked_against_what_every_connector_can_measure()
    {
        var mixed = Valid with
        {
            Connectors = [new ConnectorModel(), new ConnectorModel { Current = CurrentType.DC }],
            Configuration = new Dictionary<string, ConfigurationKeyModel> { ["MeterValuesSampledData"] = new() { Value = "Frequency" } },
        };

        var error = Assert.Throws<ModelException>(() => StationModelValidator.Validate(mixed));

        Assert.StartsWith("configuration.MeterValuesSampledData.value: 'Frequency' is not supported", error.Message, StringComparison.Ordinal);
    }
}
