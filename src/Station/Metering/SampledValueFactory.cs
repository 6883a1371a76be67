using System.Globalization;
using Ocpp16.Messages;
using Station.Hardware;
using Station.Model;

namespace Station.Metering;

/// <summary>Turns a meter reading into the sampled values of the configured measurands, with their units and phases.</summary>
public static class SampledValueFactory
{
    private static readonly Phase[] AcPhases = [Phase.L1, Phase.L2, Phase.L3];
    private static readonly Phase[] AcPhasesToNeutral = [Phase.L1N, Phase.L2N, Phase.L3N];

    /// <summary>
    /// One <see cref="MeterValue"/> at <paramref name="timestamp"/>. When no measurand yields a value
    /// (an empty list, or only measurands this meter cannot give) it holds Energy.Active.Import.Register:
    /// TC_070 reads an empty MeterValuesSampledData so, and the schema wants at least one sampledValue.
    /// </summary>
    public static MeterValue Build(MeterReading reading, ConnectorModel connector, IReadOnlyList<Measurand> measurands, ReadingContext context, DateTimeOffset timestamp)
    {
        var values = new List<SampledValue>();
        foreach (var measurand in measurands)
        {
            Add(values, reading, connector, measurand, context);
        }

        if (values.Count == 0)
        {
            Add(values, reading, connector, Measurand.EnergyActiveImportRegister, context);
        }

        return new MeterValue { Timestamp = timestamp, SampledValue = values };
    }

    private static void Add(List<SampledValue> values, MeterReading reading, ConnectorModel connector, Measurand measurand, ReadingContext context)
    {
        switch (measurand)
        {
            case Measurand.EnergyActiveImportRegister:
                // Whole Wh, floored like meterStart and meterStop, so the Transaction.End value equals meterStop.
                values.Add(Value(Math.Floor(reading.EnergyActiveImportWh), measurand, UnitOfMeasure.Wh, context));
                break;
            case Measurand.PowerActiveImport:
                values.Add(Value(reading.PowerActiveImportW, measurand, UnitOfMeasure.W, context));
                break;
            case Measurand.CurrentImport:
                PerPhase(values, reading.CurrentImportA, connector, AcPhases, measurand, UnitOfMeasure.A, context);
                break;
            case Measurand.Voltage:
                PerPhase(values, reading.VoltageV, connector, AcPhasesToNeutral, measurand, UnitOfMeasure.V, context);
                break;
            case Measurand.CurrentOffered:
                // A charging limit lowers what is offered (Smart Charging); otherwise the connector's rating.
                values.Add(Value(reading.CurrentOfferedA ?? connector.MaxCurrentA, measurand, UnitOfMeasure.A, context));
                break;
            case Measurand.PowerOffered:
                values.Add(Value(reading.PowerOfferedW ?? connector.MaxPowerW, measurand, UnitOfMeasure.W, context));
                break;
            case Measurand.Frequency when reading.FrequencyHz is { } hertz:
                // UnitOfMeasure has no Hz: the unit is left out, as the schema allows.
                values.Add(Value(hertz, measurand, unit: null, context));
                break;
            case Measurand.SoC when reading.StateOfChargePercent is { } percent:
                values.Add(Value(percent, measurand, UnitOfMeasure.Percent, context) with { Location = Location.EV });
                break;
            case Measurand.Temperature when reading.TemperatureCelsius is { } celsius:
                values.Add(Value(celsius, measurand, UnitOfMeasure.Celsius, context) with { Location = Location.Body });
                break;
        }
    }

    // One value per phase where the connector uses several; a single-phase value carries no phase.
    private static void PerPhase(List<SampledValue> values, IReadOnlyList<double> perPhase, ConnectorModel connector, Phase[] phases, Measurand measurand, UnitOfMeasure unit, ReadingContext context)
    {
        if (perPhase.Count == 0)
        {
            return;
        }

        if (connector.Current == CurrentType.DC || perPhase.Count == 1)
        {
            values.Add(Value(perPhase[0], measurand, unit, context));
            return;
        }

        for (var i = 0; i < perPhase.Count && i < phases.Length; i++)
        {
            values.Add(Value(perPhase[i], measurand, unit, context) with { Phase = phases[i] });
        }
    }

    private static SampledValue Value(double value, Measurand measurand, UnitOfMeasure? unit, ReadingContext context) => new()
    {
        Value = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture),
        Context = context,
        Format = ValueFormat.Raw,
        Measurand = measurand,
        Location = Location.Outlet,
        Unit = unit,
    };
}
