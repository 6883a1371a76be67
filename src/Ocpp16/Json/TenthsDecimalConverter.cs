using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// Charging rate limits: a number that is a multiple of 0.1 (the schemas' <c>multipleOf: 0.1</c>).
/// Written rounded to one decimal, so a limit computed by unit conversion still validates.
/// </summary>
public sealed class TenthsDecimalConverter : JsonConverter<decimal>
{
    /// <inheritdoc/>
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected a number, got {reader.TokenType}");
        }

        if (decimal.Round(value, 1) != value)
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"{value} is not a multiple of 0.1");
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(decimal.Round(value, 1, MidpointRounding.AwayFromZero));
}
