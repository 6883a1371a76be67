using System.Text.Json;
using Ocpp16.Framing;

namespace Ocpp16.Json;

/// <summary>
/// Checks the structure of a payload before it is bound: unknown or repeated properties
/// (FormationViolation), missing required ones (OccurenceConstraintViolation) and values of the
/// wrong JSON type, nulls included (TypeConstraintViolation). Value rules (lengths, enumerations,
/// formats) are checked by the converters while binding.
/// </summary>
internal static class PayloadValidator
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    public static PayloadError? Validate(ReadOnlySpan<byte> json, ObjectShape shape)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new PayloadError(OcppErrorCode.FormationViolation, $"the {shape.TypeName} payload must be a JSON object");
            }

            return ValidateObject(ref reader, shape, "$");
        }
        catch (JsonException ex)
        {
            return new PayloadError(OcppErrorCode.FormationViolation, $"malformed JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString throws this for escapes that are not valid UTF-16 ("\uD800").
            return new PayloadError(OcppErrorCode.FormationViolation, $"malformed JSON string: {ex.Message}");
        }
    }

    private static PayloadError? ValidateObject(ref Utf8JsonReader reader, ObjectShape shape, string path)
    {
        ulong seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = shape.Find(reader.ValueIsEscaped || reader.HasValueSequence
                ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
                : reader.ValueSpan);
            if (property is null)
            {
                return new PayloadError(OcppErrorCode.FormationViolation, $"unknown property '{reader.GetString()}' in {path} ({shape.TypeName})");
            }

            if ((seen & property.Bit) != 0)
            {
                return new PayloadError(OcppErrorCode.FormationViolation, $"property '{property.Name}' appears twice in {path}");
            }

            seen |= property.Bit;
            reader.Read();
            var error = ValidateValue(ref reader, property.Value, path, property.Name);
            if (error is not null)
            {
                return error;
            }
        }

        if ((seen & shape.RequiredMask) != shape.RequiredMask)
        {
            var missing = shape.Properties.First(p => p.Required && (seen & p.Bit) == 0);
            return new PayloadError(OcppErrorCode.OccurenceConstraintViolation, $"required property '{missing.Name}' is missing in {path} ({shape.TypeName})");
        }

        return null;
    }

    private static PayloadError? ValidateValue(ref Utf8JsonReader reader, ValueShape shape, string parentPath, string name)
    {
        var token = reader.TokenType;
        var matches = shape.Kind switch
        {
            ValueKind.String => token == JsonTokenType.String,
            ValueKind.Integer => token == JsonTokenType.Number && reader.TryGetInt32(out _),
            ValueKind.Number => token == JsonTokenType.Number,
            ValueKind.Boolean => token is JsonTokenType.True or JsonTokenType.False,
            ValueKind.Object => token == JsonTokenType.StartObject,
            ValueKind.Array => token == JsonTokenType.StartArray,
            _ => false,
        };

        if (!matches)
        {
            var found = token == JsonTokenType.Number ? "a number out of range or with a fraction" : Describe(token);
            return new PayloadError(OcppErrorCode.TypeConstraintViolation, $"{Join(parentPath, name)} must be {Describe(shape.Kind)}, found {found}");
        }

        if (shape.Kind == ValueKind.Object)
        {
            return ValidateObject(ref reader, shape.Object!, Join(parentPath, name));
        }

        if (shape.Kind == ValueKind.Array)
        {
            var arrayPath = Join(parentPath, name);
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var error = ValidateValue(ref reader, shape.Element!, arrayPath, $"[{index++}]");
                if (error is not null)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string Join(string parentPath, string name) => name.StartsWith('[') ? parentPath + name : $"{parentPath}.{name}";

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Integer => "an integer",
        ValueKind.Number => "a number",
        ValueKind.Boolean => "a boolean",
        ValueKind.Object => "an object",
        _ => "an array",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
