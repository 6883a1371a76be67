using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// OCPP dateTime values: written as RFC 3339 UTC with milliseconds (<c>2026-11-25T16:27:49.123Z</c>);
/// read only with an explicit offset, since the schemas' <c>date-time</c> format requires one.
/// </summary>
public sealed class OcppDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // Room for the longest RFC 3339 date-time (33 characters) with every character escaped as \uXXXX.
    private const int MaxEscapedLength = 256;

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected an RFC 3339 date-time string, got {reader.TokenType}");
        }

        // JSON may escape any character, and some encoders (.NET's default one among them) write '+' as
        // "\u002B": the offset is checked on the unescaped text.
        Span<byte> unescaped = stackalloc byte[MaxEscapedLength];
        scoped var text = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            text = text.Length <= MaxEscapedLength ? unescaped[..reader.CopyString(unescaped)] : default;
        }

        if (!HasExplicitOffset(text) || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"'{reader.GetString()}' is not an RFC 3339 date-time");
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.UtcDateTime.TryFormat(buffer, out var written, WireFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Formats a value the way it travels on the wire.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);

    // RFC 3339 §5.6: a full date-time ends in 'Z' or a numeric offset '+hh:mm' / '-hh:mm'.
    private static bool HasExplicitOffset(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20 || (text[10] != (byte)'T' && text[10] != (byte)'t'))
        {
            return false;
        }

        var last = text[^1];
        if (last is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        return text.Length >= 25 && text[^3] == (byte)':' && text[^6] is (byte)'+' or (byte)'-';
    }
}
