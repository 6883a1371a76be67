using Ocpp16.Messages;
using Station.Metering;
using Station.Model;
using Xunit;

namespace Station.Tests.Metering;

/// <summary>The measurands a station offers in its measurand keys, from the connectors of its model.</summary>
public sealed class SupportedMeasurandsTests
{
    private static readonly string[] Common =
        ["Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "Current.Offered", "Power.Offered", "Voltage"];

    [Fact]
    public void An_AC_station_offers_the_common_measurands_and_the_frequency() =>
        Assert.Equal(Common.Append("Frequency").Order(StringComparer.Ordinal), SupportedMeasurands.For(Model(new ConnectorModel())).Order(StringComparer.Ordinal));

    [Fact]
    public void A_DC_station_offers_the_common_measurands_and_the_state_of_charge() =>
        Assert.Equal(Common.Append("SoC").Order(StringComparer.Ordinal), SupportedMeasurands.For(Model(new ConnectorModel { Current = CurrentType.DC })).Order(StringComparer.Ordinal));

    [Fact]
    public void A_mixed_station_offers_only_what_every_connector_can_measure() =>
        Assert.Equal(
            Common.Order(StringComparer.Ordinal),
            SupportedMeasurands.For(Model(new ConnectorModel(), new ConnectorModel { Current = CurrentType.DC }, new ConnectorModel { Phases = 3 })).Order(StringComparer.Ordinal));

    [Fact]
    public void The_offer_uses_exact_wire_names() =>
        Assert.Contains("Energy.Active.Import.Register", SupportedMeasurands.For(StationModel.Tsct2007Cp));

    [Fact]
    public void A_configured_list_parses_to_measurands_in_its_order() =>
        Assert.Equal(
            [Measurand.Voltage, Measurand.EnergyActiveImportRegister, Measurand.SoC],
            SupportedMeasurands.Parse(["Voltage", "Energy.Active.Import.Register", "SoC"]));

    [Fact]
    public void An_unknown_name_cannot_be_parsed() =>
        Assert.Equal("unknown measurand Bogus", Assert.Throws<FormatException>(() => SupportedMeasurands.Parse(["Voltage", "Bogus"])).Message);

    private static StationModel Model(params ConnectorModel[] connectors) => StationModel.Tsct2007Cp with { Connectors = connectors };
}
