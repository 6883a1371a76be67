using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// A case-insensitive string of bounded length (OCPP 1.6 §7: CiString20Type … CiString500Type).
/// Reading a longer string is a <see cref="OcppErrorCode.PropertyConstraintViolation"/>; writing one
/// is refused so the station never produces a frame the schema rejects.
/// </summary>
public abstract class CiStringConverter : JsonConverter<string>
{
    /// <summary>Creates a converter for strings of at most <paramref name="maxLength"/> characters.</summary>
    protected CiStringConverter(int maxLength) => MaxLength = maxLength;

    /// <summary>The largest number of characters allowed.</summary>
    public int MaxLength { get; }

    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected a string of at most {MaxLength} characters, got {reader.TokenType}");
        }

        var value = reader.GetString()!;
        if (value.Length > MaxLength)
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"string of {value.Length} characters exceeds the limit of {MaxLength}");
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (value.Length > MaxLength)
        {
            throw new OcppJsonException(OcppErrorCode.PropertyConstraintViolation, $"refusing to write a string of {value.Length} characters where the limit is {MaxLength}: '{value}'");
        }

        writer.WriteStringValue(value);
    }
}
