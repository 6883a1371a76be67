using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The unit of a sampled value.</summary>
[JsonConverter(typeof(OcppEnumConverter<UnitOfMeasure>))]
public enum UnitOfMeasure
{
    /// <summary>Wh</summary>
    Wh,

    /// <summary>kWh</summary>
    [JsonStringEnumMemberName("kWh")]
    KWh,

    /// <summary>varh</summary>
    [JsonStringEnumMemberName("varh")]
    Varh,

    /// <summary>kvarh</summary>
    [JsonStringEnumMemberName("kvarh")]
    Kvarh,

    /// <summary>W</summary>
    W,

    /// <summary>kW</summary>
    [JsonStringEnumMemberName("kW")]
    KW,

    /// <summary>VA</summary>
    VA,

    /// <summary>kVA</summary>
    [JsonStringEnumMemberName("kVA")]
    KVA,

    /// <summary>var</summary>
    [JsonStringEnumMemberName("var")]
    Var,

    /// <summary>kvar</summary>
    [JsonStringEnumMemberName("kvar")]
    Kvar,

    /// <summary>A</summary>
    A,

    /// <summary>V</summary>
    V,

    /// <summary>K</summary>
    K,

    /// <summary>Celcius</summary>
    Celcius,

    /// <summary>Celsius</summary>
    Celsius,

    /// <summary>Fahrenheit</summary>
    Fahrenheit,

    /// <summary>Percent</summary>
    Percent,
}
