using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// An array with at least one item (the schemas' <c>minItems: 1</c>, e.g. the certificateHashData
/// of GetInstalledCertificateIds.conf). Reading an empty array is an
/// <see cref="OcppErrorCode.OccurenceConstraintViolation"/>; writing one is refused, so the station never
/// produces a frame the schema rejects. Items are read and written by their source-generated contract.
/// </summary>
/// <typeparam name="T">The item type; it must be part of the serializer's context.</typeparam>
public sealed class NonEmptyListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new OcppJsonException(OcppErrorCode.TypeConstraintViolation, $"expected an array, got {reader.TokenType}");
        }

        var item = ItemInfo(options);
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, item)!);
        }

        return items.Count > 0
            ? items
            : throw new OcppJsonException(OcppErrorCode.OccurenceConstraintViolation, "the array must hold at least one item");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        if (value.Count == 0)
        {
            throw new OcppJsonException(OcppErrorCode.OccurenceConstraintViolation, "refusing to write an empty array where at least one item is required; leave the field out instead");
        }

        var item = ItemInfo(options);
        writer.WriteStartArray();
        foreach (var element in value)
        {
            JsonSerializer.Serialize(writer, element, item);
        }

        writer.WriteEndArray();
    }

    private static JsonTypeInfo<T> ItemInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
