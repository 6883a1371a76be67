using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>What a sampled value measures.</summary>
[JsonConverter(typeof(OcppEnumConverter<Measurand>))]
public enum Measurand
{
    /// <summary>Energy.Active.Export.Register</summary>
    [JsonStringEnumMemberName("Energy.Active.Export.Register")]
    EnergyActiveExportRegister,

    /// <summary>Energy.Active.Import.Register</summary>
    [JsonStringEnumMemberName("Energy.Active.Import.Register")]
    EnergyActiveImportRegister,

    /// <summary>Energy.Reactive.Export.Register</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,

    /// <summary>Energy.Reactive.Import.Register</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,

    /// <summary>Energy.Active.Export.Interval</summary>
    [JsonStringEnumMemberName("Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,

    /// <summary>Energy.Active.Import.Interval</summary>
    [JsonStringEnumMemberName("Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,

    /// <summary>Energy.Reactive.Export.Interval</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,

    /// <summary>Energy.Reactive.Import.Interval</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,

    /// <summary>Power.Active.Export</summary>
    [JsonStringEnumMemberName("Power.Active.Export")]
    PowerActiveExport,

    /// <summary>Power.Active.Import</summary>
    [JsonStringEnumMemberName("Power.Active.Import")]
    PowerActiveImport,

    /// <summary>Power.Offered</summary>
    [JsonStringEnumMemberName("Power.Offered")]
    PowerOffered,

    /// <summary>Power.Reactive.Export</summary>
    [JsonStringEnumMemberName("Power.Reactive.Export")]
    PowerReactiveExport,

    /// <summary>Power.Reactive.Import</summary>
    [JsonStringEnumMemberName("Power.Reactive.Import")]
    PowerReactiveImport,

    /// <summary>Power.Factor</summary>
    [JsonStringEnumMemberName("Power.Factor")]
    PowerFactor,

    /// <summary>Current.Import</summary>
    [JsonStringEnumMemberName("Current.Import")]
    CurrentImport,

    /// <summary>Current.Export</summary>
    [JsonStringEnumMemberName("Current.Export")]
    CurrentExport,

    /// <summary>Current.Offered</summary>
    [JsonStringEnumMemberName("Current.Offered")]
    CurrentOffered,

    /// <summary>Voltage</summary>
    Voltage,

    /// <summary>Frequency</summary>
    Frequency,

    /// <summary>Temperature</summary>
    Temperature,

    /// <summary>SoC</summary>
    SoC,

    /// <summary>RPM</summary>
    RPM,
}
