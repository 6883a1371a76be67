using Ocpp16.Json;
using Ocpp16.Messages;
using Station.Model;

namespace Station.Metering;

/// <summary>The measurands a station's meters can report, by connector type.</summary>
public static class SupportedMeasurands
{
    private static readonly Measurand[] Ac =
    [
        Measurand.EnergyActiveImportRegister,
        Measurand.PowerActiveImport,
        Measurand.CurrentImport,
        Measurand.CurrentOffered,
        Measurand.PowerOffered,
        Measurand.Voltage,
        Measurand.Frequency,
    ];

    private static readonly Measurand[] Dc =
    [
        Measurand.EnergyActiveImportRegister,
        Measurand.PowerActiveImport,
        Measurand.CurrentImport,
        Measurand.CurrentOffered,
        Measurand.PowerOffered,
        Measurand.Voltage,
        Measurand.SoC,
    ];

    /// <summary>The measurands every connector of <paramref name="model"/> can report, as wire names.</summary>
    public static IReadOnlySet<string> For(StationModel model)
    {
        var common = model.Connectors
            .Select(c => (IEnumerable<Measurand>)(c.Current == CurrentType.AC ? Ac : Dc))
            .Aggregate((a, b) => a.Intersect(b));
        return common.Select(OcppEnum.WireName).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Parses the configured list (already validated by the configuration block).</summary>
    public static IReadOnlyList<Measurand> Parse(IReadOnlyList<string> wireNames) =>
        [.. wireNames.Select(name => OcppEnum.TryParse<Measurand>(name, out var measurand) ? measurand : throw new FormatException($"unknown measurand {name}"))];
}
