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
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"'{text}' is not an absolute URI");
        }

        return uri;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.OriginalString);
}
