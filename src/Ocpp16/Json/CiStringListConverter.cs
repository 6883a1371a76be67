using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>A list of bounded-length strings, such as the keys of GetConfiguration.</summary>
public abstract class CiStringListConverter : JsonConverter<IReadOnlyList<string>>
{
    private readonly CiStringConverter _element;

    /// <summary>Creates a converter whose elements are read and written by <paramref name="element"/>.</summary>
    protected CiStringListConverter(CiStringConverter element) => _element = element;

    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected an array, got {reader.TokenType}");
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(_element.Read(ref reader, typeof(string), options));
        }

        return items;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            _element.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
