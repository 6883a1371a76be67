using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>The schemas' <c>uri</c> format: an absolute URI (firmware and diagnostics locations).</summary>
public sealed class AbsoluteUriConverter : JsonConverter<Uri>
{
    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override Uri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected a URI string, got {reader.TokenType}");
        }

        var text = reader.GetString()!;
        if (!StartsWithScheme(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"'{text}' is not an absolute URI");
        }

        return uri;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.OriginalString);

    // RFC 3986 §3.1: an absolute URI starts with scheme ":", scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
    // Checked first because on Unix Uri.TryCreate takes "/path" and "//host/path" for absolute file URIs.
    private static bool StartsWithScheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
