using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ocpp16.Messages;

namespace Ocpp16.Json;

/// <summary>
/// Rewrites an answer so that the strict reader accepts what a lenient read tolerates (see
/// <see cref="AnswerLeniency"/>): unknown properties and explicit nulls of optional properties
/// are left out, date-times without offset get a <c>Z</c>. Everything else is copied as it is,
/// so whatever cannot be used (a missing required property, a wrong JSON type, an unknown enum
/// member, an over-long string) is still refused by the strict read that follows.
/// </summary>
internal static partial class LenientPayload
{
    // The same depth limit as the strict validator: deeper payloads are refused by both.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private static readonly ConcurrentDictionary<Type, ObjectShape> Shapes = new();

    /// <summary>
    /// Reads <paramref name="json"/> as <paramref name="type"/>, strictly first; when that fails,
    /// once more with the tolerated deviations removed. <paramref name="tolerated"/> lists them when
    /// the second read succeeds; <paramref name="error"/> is the strict error when nothing could
    /// be tolerated, else the error of the rewritten payload.
    /// </summary>
    public static bool TryRead(OcppMessageType type, ReadOnlySpan<byte> json, out IOcppMessage? message, out PayloadError error, out IReadOnlyList<ToleratedDeviation> tolerated)
    {
        tolerated = [];
        if (type.TryRead(json, out message, out error))
        {
            return true;
        }

        var shape = Shapes.GetOrAdd(type.ClrType, static (_, typeInfo) => ObjectShape.For(typeInfo), type.TypeInfo);
        var found = new List<ToleratedDeviation>();
        var rewritten = Rewrite(json, shape, found);
        if (rewritten is null || !type.TryRead(rewritten.WrittenSpan, out message, out error))
        {
            return false;
        }

        tolerated = found;
        return true;
    }

    /// <summary>The rewritten payload; null when it has nothing to tolerate or is not a readable JSON object.</summary>
    internal static ArrayBufferWriter<byte>? Rewrite(ReadOnlySpan<byte> json, ObjectShape shape, List<ToleratedDeviation> tolerated)
    {
        var output = new ArrayBufferWriter<byte>(json.Length);
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            using (var writer = new Utf8JsonWriter(output))
            {
                RewriteObject(ref reader, writer, json, shape, "$", tolerated);
            }

            return tolerated.Count == 0 || reader.Read() ? null : output;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON or text that is not valid UTF-8/UTF-16: nothing to tolerate, the strict error stands.
            return null;
        }
    }

    private static void RewriteObject(ref Utf8JsonReader reader, Utf8JsonWriter writer, ReadOnlySpan<byte> json, ObjectShape shape, string path, List<ToleratedDeviation> tolerated)
    {
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.ValueIsEscaped || reader.HasValueSequence ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan.ToArray();
            var property = shape.Find(name);
            reader.Read();
            if (property is null)
            {
                tolerated.Add(new ToleratedDeviation(AnswerLeniency.UnknownProperty, $"{path}.{Encoding.UTF8.GetString(name)}"));
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null && !property.Required)
            {
                tolerated.Add(new ToleratedDeviation(AnswerLeniency.NullOptionalProperty, $"{path}.{property.Name}"));
                continue;
            }

            writer.WritePropertyName(property.Utf8Name);
            RewriteValue(ref reader, writer, json, property.Value, $"{path}.{property.Name}", tolerated);
        }

        writer.WriteEndObject();
    }

    private static void RewriteValue(ref Utf8JsonReader reader, Utf8JsonWriter writer, ReadOnlySpan<byte> json, ValueShape shape, string path, List<ToleratedDeviation> tolerated)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when shape.Kind == ValueKind.Object:
                RewriteObject(ref reader, writer, json, shape.Object!, path, tolerated);
                return;
            case JsonTokenType.StartArray when shape.Kind == ValueKind.Array:
                writer.WriteStartArray();
                for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                {
                    RewriteValue(ref reader, writer, json, shape.Element!, $"{path}[{index}]", tolerated);
                }

                writer.WriteEndArray();
                return;
            case JsonTokenType.String when shape.IsDateTime && reader.GetString() is { } text && WithoutOffset().IsMatch(text):
                tolerated.Add(new ToleratedDeviation(AnswerLeniency.DateTimeWithoutOffset, path));
                writer.WriteStringValue(text + "Z");
                return;
            default:
                // Copied as it travelled, wrong types included: the strict read judges it.
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                writer.WriteRawValue(json[start..(int)reader.BytesConsumed], skipInputValidation: true);
                return;
        }
    }

    // An RFC 3339 date and time of day without the time-offset that RFC 3339 §5.6 requires.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?$", RegexOptions.CultureInvariant)]
    private static partial Regex WithoutOffset();
}
