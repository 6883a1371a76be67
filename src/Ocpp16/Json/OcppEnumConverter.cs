using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// Reads and writes an OCPP enumeration by its exact wire spelling (the member name, or the
/// <see cref="JsonStringEnumMemberNameAttribute"/> where the wire text is not a C# identifier).
/// Matching is case-sensitive, as in the schemas; numbers are refused.
/// </summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
public sealed class OcppEnumConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    // Built once per enumeration; immutable afterwards.
    private static readonly (byte[] Utf8, TEnum Value)[] ReadTable = BuildReadTable();
    private static readonly FrozenDictionary<TEnum, JsonEncodedText> WriteTable = BuildWriteTable();

    internal static string WireName(TEnum value) => WriteTable[value].Value;

    internal static bool TryParse(string text, out TEnum value)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var (utf8, member) in ReadTable)
        {
            if (utf8.AsSpan().SequenceEqual(bytes))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected a {typeof(TEnum).Name} string, got {reader.TokenType}");
        }

        foreach (var (utf8, value) in ReadTable)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return value;
            }
        }

        throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"'{reader.GetString()}' is not a {typeof(TEnum).Name} value");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!WriteTable.TryGetValue(value, out var text))
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"{value} is not a defined {typeof(TEnum).Name} value");
        }

        writer.WriteStringValue(text);
    }

    private static string WireText(TEnum value)
    {
        var name = value.ToString();
        var attribute = typeof(TEnum).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>();
        return attribute?.Name ?? name;
    }

    private static (byte[], TEnum)[] BuildReadTable() =>
        [.. Enum.GetValues<TEnum>().Select(v => (Encoding.UTF8.GetBytes(WireText(v)), v))];

    private static FrozenDictionary<TEnum, JsonEncodedText> BuildWriteTable() =>
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(WireText(v)));
}
