using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Hardware;
using Station.Metering;
using Station.Model;
using Station.Transactions;
using Xunit;

namespace Station.Tests.Metering;

/// <summary>Meter readings as sampled values (OCPP 1.6 §7.43, C-09): units, phases, locations, rounding.</summary>
public sealed class SampledValueFactoryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 17, 9, 30, 0, TimeSpan.Zero);
    private static readonly ConnectorModel SinglePhase = new();
    private static readonly ConnectorModel ThreePhase = new() { Type = "cType2", Phases = 3, MaxCurrentA = 16 };
    private static readonly ConnectorModel Dc = new() { Type = "cCCS2", Current = CurrentType.DC, VoltageV = 400, MaxCurrentA = 125 };

    private static readonly MeterReading SinglePhaseReading = new()
    {
        EnergyActiveImportWh = 12345.987,
        PowerActiveImportW = 7360,
        CurrentImportA = [32],
        VoltageV = [230],
        FrequencyHz = 50.02,
    };

    private static readonly MeterReading ThreePhaseReading = new()
    {
        EnergyActiveImportWh = 1000,
        PowerActiveImportW = 11040,
        CurrentImportA = [16, 15.5, 16.25],
        VoltageV = [230, 231.4, 229.9],
        FrequencyHz = 50,
    };

    private static readonly MeterReading DcReading = new()
    {
        EnergyActiveImportWh = 50000.4,
        PowerActiveImportW = 49600,
        CurrentImportA = [124],
        VoltageV = [400],
        StateOfChargePercent = 63.5,
    };

    [Theory]
    [InlineData(12345.987, "12345")]
    [InlineData(0.999, "0")]
    [InlineData(7, "7")]
    public void Energy_is_reported_in_whole_Wh_floored_like_meterStop(double energyWh, string expected)
    {
        var value = Single(SinglePhaseReading with { EnergyActiveImportWh = energyWh }, SinglePhase, Measurand.EnergyActiveImportRegister);

        Assert.Equal(new SampledValue
        {
            Value = expected,
            Context = ReadingContext.SamplePeriodic,
            Format = ValueFormat.Raw,
            Measurand = Measurand.EnergyActiveImportRegister,
            Location = Location.Outlet,
            Unit = UnitOfMeasure.Wh,
        }, value);
    }

    [Theory]
    [InlineData(7360, "7360")]
    [InlineData(7360.456, "7360.46")]
    [InlineData(0.1, "0.1")]
    [InlineData(0, "0")]
    public void Power_is_reported_in_W_with_at_most_two_decimals(double powerW, string expected)
    {
        var value = Single(SinglePhaseReading with { PowerActiveImportW = powerW }, SinglePhase, Measurand.PowerActiveImport);

        Assert.Equal((expected, UnitOfMeasure.W), (value.Value, value.Unit));
    }

    [Fact]
    public void A_single_phase_connector_reports_current_and_voltage_without_a_phase()
    {
        var values = Build(SinglePhaseReading, SinglePhase, Measurand.CurrentImport, Measurand.Voltage);

        Assert.Equal(
            [(Measurand.CurrentImport, "32", UnitOfMeasure.A, (Phase?)null), (Measurand.Voltage, "230", UnitOfMeasure.V, null)],
            values.Select(v => (v.Measurand!.Value, v.Value, v.Unit!.Value, v.Phase)));
    }

    [Fact]
    public void A_three_phase_connector_reports_current_per_line_and_voltage_per_line_to_neutral()
    {
        var values = Build(ThreePhaseReading, ThreePhase, Measurand.CurrentImport, Measurand.Voltage);

        Assert.Equal(
            [
                (Measurand.CurrentImport, "16", UnitOfMeasure.A, Phase.L1),
                (Measurand.CurrentImport, "15.5", UnitOfMeasure.A, Phase.L2),
                (Measurand.CurrentImport, "16.25", UnitOfMeasure.A, Phase.L3),
                (Measurand.Voltage, "230", UnitOfMeasure.V, Phase.L1N),
                (Measurand.Voltage, "231.4", UnitOfMeasure.V, Phase.L2N),
                (Measurand.Voltage, "229.9", UnitOfMeasure.V, Phase.L3N),
            ],
            values.Select(v => (v.Measurand!.Value, v.Value, v.Unit!.Value, v.Phase!.Value)));
    }

    [Fact]
    public void A_two_phase_connector_reports_the_two_lines_it_uses()
    {
        var values = Build(ThreePhaseReading with { CurrentImportA = [10, 11] }, ThreePhase with { Phases = 2 }, Measurand.CurrentImport);

        Assert.Equal([Phase.L1, Phase.L2], values.Select(v => v.Phase!.Value));
    }

    [Fact]
    public void A_DC_connector_reports_one_value_without_a_phase()
    {
        var values = Build(DcReading with { CurrentImportA = [124, 1] }, Dc, Measurand.CurrentImport, Measurand.Voltage);

        Assert.Equal([("124", (Phase?)null), ("400", null)], values.Select(v => (v.Value, v.Phase)));
    }

    [Fact]
    public void Without_per_phase_values_nothing_is_reported_for_current_or_voltage_and_the_energy_register_stands_in() =>
        AssertEnergyRegisterOnly(SampledValueFactory.Build(
            SinglePhaseReading with { CurrentImportA = [], VoltageV = [] }, SinglePhase, [Measurand.CurrentImport, Measurand.Voltage], ReadingContext.SamplePeriodic, At));

    [Fact]
    public void The_offered_current_and_power_are_the_rating_of_the_connector()
    {
        var values = Build(ThreePhaseReading, ThreePhase, Measurand.CurrentOffered, Measurand.PowerOffered);

        // 16 A x 230 V x 3 phases.
        Assert.Equal([("16", UnitOfMeasure.A), ("11040", UnitOfMeasure.W)], values.Select(v => (v.Value, v.Unit!.Value)));
    }

    [Fact]
    public void Frequency_is_reported_without_a_unit_because_OCPP_has_no_Hz()
    {
        var value = Single(SinglePhaseReading, SinglePhase, Measurand.Frequency);

        Assert.Equal(("50.02", (UnitOfMeasure?)null), (value.Value, value.Unit));
    }

    [Fact]
    public void Frequency_is_left_out_when_the_meter_does_not_measure_it() =>
        Assert.DoesNotContain(Build(DcReading, Dc, Measurand.Frequency, Measurand.PowerActiveImport), v => v.Measurand == Measurand.Frequency);

    [Fact]
    public void The_state_of_charge_is_reported_in_percent_at_the_EV_when_known()
    {
        var value = Single(DcReading, Dc, Measurand.SoC);

        Assert.Equal(("63.5", UnitOfMeasure.Percent, Location.EV), (value.Value, value.Unit!.Value, value.Location!.Value));
    }

    [Fact]
    public void The_state_of_charge_is_left_out_when_unknown() =>
        AssertEnergyRegisterOnly(SampledValueFactory.Build(DcReading with { StateOfChargePercent = null }, Dc, [Measurand.SoC], ReadingContext.SamplePeriodic, At));

    [Fact]
    public void The_temperature_is_reported_in_Celsius_at_the_body_when_measured()
    {
        var value = Single(SinglePhaseReading with { TemperatureCelsius = 41.25 }, SinglePhase, Measurand.Temperature);

        Assert.Equal(("41.25", UnitOfMeasure.Celsius, Location.Body), (value.Value, value.Unit!.Value, value.Location!.Value));
    }

    [Fact]
    [Trait("Cert", "TC_070_CS")]
    public void Measurands_the_meter_cannot_give_yield_the_energy_register_instead() =>
        AssertEnergyRegisterOnly(SampledValueFactory.Build(SinglePhaseReading, SinglePhase, [Measurand.EnergyReactiveImportRegister, Measurand.RPM], ReadingContext.SamplePeriodic, At));

    [Fact]
    [Trait("Cert", "TC_070_CS")]
    public void An_empty_measurand_list_means_the_energy_register_so_no_meter_value_is_ever_empty()
    {
        var meterValue = SampledValueFactory.Build(SinglePhaseReading, SinglePhase, [], ReadingContext.Trigger, At);

        var value = Assert.Single(meterValue!.SampledValue);
        Assert.Equal(("12345", ReadingContext.Trigger, UnitOfMeasure.Wh), (value.Value, value.Context!.Value, value.Unit!.Value));
        OcppSchemas.AssertValid("MeterValues", isResponse: false, TransactionOutbox.Encode(new MeterValuesRequest { ConnectorId = 0, MeterValue = [meterValue] }));
    }

    [Theory]
    [InlineData(ReadingContext.TransactionBegin)]
    [InlineData(ReadingContext.SampleClock)]
    [InlineData(ReadingContext.Trigger)]
    public void Every_value_carries_the_context_and_the_meter_value_the_timestamp(ReadingContext context)
    {
        var meterValue = SampledValueFactory.Build(ThreePhaseReading, ThreePhase, [Measurand.EnergyActiveImportRegister, Measurand.CurrentImport], context, At)!;

        Assert.Equal(At, meterValue.Timestamp);
        Assert.All(meterValue.SampledValue, v => Assert.Equal((context, ValueFormat.Raw), (v.Context!.Value, v.Format!.Value)));
    }

    [Fact]
    public void Values_follow_the_order_of_the_configured_measurands() =>
        Assert.Equal(
            [Measurand.Voltage, Measurand.EnergyActiveImportRegister, Measurand.PowerActiveImport],
            Build(SinglePhaseReading, SinglePhase, Measurand.Voltage, Measurand.EnergyActiveImportRegister, Measurand.PowerActiveImport).Select(v => v.Measurand!.Value));

    [Fact]
    [Trait("Cert", "C-09")]
    public void Every_measurand_a_meter_can_report_makes_a_schema_valid_MeterValues()
    {
        var all = Enum.GetValues<Measurand>();
        foreach (var (reading, connector) in new[] { (SinglePhaseReading with { TemperatureCelsius = 30 }, SinglePhase), (ThreePhaseReading, ThreePhase), (DcReading, Dc) })
        {
            var meterValue = SampledValueFactory.Build(reading, connector, all, ReadingContext.SamplePeriodic, At)!;
            var json = TransactionOutbox.Encode(new MeterValuesRequest { ConnectorId = 1, TransactionId = 7, MeterValue = [meterValue] });

            OcppSchemas.AssertValid("MeterValues", isResponse: false, json);
        }
    }

    private static List<SampledValue> Build(MeterReading reading, ConnectorModel connector, params Measurand[] measurands) =>
        [.. SampledValueFactory.Build(reading, connector, measurands, ReadingContext.SamplePeriodic, At)!.SampledValue];

    private static void AssertEnergyRegisterOnly(MeterValue? meterValue) =>
        Assert.Equal(Measurand.EnergyActiveImportRegister, Assert.Single(meterValue!.SampledValue).Measurand);

    private static SampledValue Single(MeterReading reading, ConnectorModel connector, Measurand measurand) =>
        Assert.Single(Build(reading, connector, measurand));
}
