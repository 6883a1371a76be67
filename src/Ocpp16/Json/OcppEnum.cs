using System.Diagnostics.CodeAnalysis;

namespace Ocpp16.Json;

/// <summary>The wire text of OCPP enumerations, outside of JSON (configuration values, logs, CLI output).</summary>
public static class OcppEnum
{
    /// <summary>The exact wire text of <paramref name="value"/>, e.g. <c>Energy.Active.Import.Register</c>.</summary>
    public static string WireName<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum value)
        where TEnum : struct, Enum => OcppEnumConverter<TEnum>.WireName(value);

    /// <summary>Parses an exact (case-sensitive) wire text.</summary>
    public static bool TryParse<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum => OcppEnumConverter<TEnum>.TryParse(text, out value);
}
