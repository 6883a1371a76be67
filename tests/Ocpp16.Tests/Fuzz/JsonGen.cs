using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Ocpp16.Tests.Fuzz;

/// <summary>Generators of JSON text pieces: strings, message ids, arbitrary values, nesting.</summary>
internal static class JsonGen
{
    /// <summary>Both ways a peer may write text: plain UTF-8, or every non-ASCII character as \uXXXX.</summary>
    public static readonly JsonSerializerOptions[] Encoders =
    [
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { Encoder = JavaScriptEncoder.Default },
    ];

    // Printable ASCII (quotes and backslashes included), a few BMP letters, a line separator and a control
    // character: every one is one UTF-16 unit, so .NET's and the schema's string lengths agree.
    private static readonly Gen<char> Character = Gen.Frequency(
        (8, Gen.Char[' ', '~']),
        (1, Gen.OneOf(Gen.Const('é'), Gen.Const('ß'), Gen.Const('中'), Gen.Const('\u2028'), Gen.Const('\u0001'), Gen.Const('Ω'))));

    /// <summary>A string of <paramref name="min"/> to <paramref name="max"/> characters.</summary>
    public static Gen<string> Text(int min, int max) => Gen.Int[min, max].SelectMany(length => length <= 32
        ? Character.Array[length].Select(chars => new string(chars))
        : Character.Array[32].Select(chars => Repeat(chars, length)));

    // Long strings repeat a random 32-character piece: drawing every character costs more than the frame's whole trip.
    private static string Repeat(char[] piece, int length) => string.Create(length, piece, static (span, piece) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = piece[i % piece.Length];
        }
    });

    /// <summary>A message id the receiver must echo: 0 to 36 characters, never the harness's sentinel prefix.</summary>
    public static readonly Gen<string> MessageId = Gen.Frequency(
        (3, Gen.Guid.Select(g => g.ToString())),
        (2, Gen.Int[0, 99_999_999].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Text(0, 36)))
        .Where(id => !id.StartsWith(DecoderHarness.SentinelPrefix, StringComparison.Ordinal));

    /// <summary>A JSON string literal of <paramref name="text"/>, written by one of the encoders.</summary>
    public static Gen<string> Quoted(string text) => Gen.Int[0, 1].Select(i => JsonSerializer.Serialize(text, Encoders[i]));

    /// <summary>An arbitrary JSON value, up to a few levels deep.</summary>
    public static readonly Gen<JsonNode?> Value = Gen.Recursive<JsonNode?>((depth, self) =>
    {
        var scalar = Gen.OneOf<JsonNode?>(
            Gen.Const(static () => (JsonNode?)null),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            Text(0, 12).Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth >= 4)
        {
            return scalar;
        }

        return Gen.Frequency(
            (4, scalar),
            (1, self.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (1, Gen.Select(Text(0, 8), self).Array[0, 4].Select(pairs =>
            {
                var obj = new JsonObject();
                foreach (var (key, value) in pairs)
                {
                    obj[key] = value;
                }

                return (JsonNode?)obj;
            })));
    });

    /// <summary>JSON text of a value of any type but <paramref name="schemaType"/> (the schema's type name).</summary>
    public static Gen<string> OtherType(string schemaType)
    {
        var candidates = new List<Gen<string>>
        {
            Gen.Const("null"),
            Gen.Bool.Select(b => b ? "true" : "false"),
        };
        if (schemaType != "object")
        {
            candidates.Add(Gen.OneOf("{}", "{\"a\":1}"));
        }

        if (schemaType != "array")
        {
            candidates.Add(Gen.OneOf("[]", "[1,\"x\"]"));
        }
        if (schemaType != "string")
        {
            candidates.Add(Text(0, 10).SelectMany(Quoted));
        }

        if (schemaType == "boolean")
        {
            candidates.Add(Gen.OneOf("\"true\"", "0", "1"));
        }

        if (schemaType is not ("integer" or "number"))
        {
            candidates.Add(Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            candidates.Add(Gen.Const("1.5"));
        }

        if (schemaType == "integer")
        {
            // Not a 32-bit integer: a fraction, or out of range (OCPP integers are 32-bit, Core §7).
            candidates.Add(Gen.OneOf(Gen.Const("1.5"), Gen.Const("2147483648"), Gen.Const("-2147483649"), Gen.Const("1e400"), Gen.Const("123456789012345678901234567890")));
        }

        if (schemaType == "number")
        {
            candidates.Add(Gen.OneOf(Gen.Const("1e400"), Gen.Const("-1e400"), Gen.Const("123456789012345678901234567890123")));
        }

        return Gen.OneOf([.. candidates]);
    }

    /// <summary>Between <paramref name="minDepth"/> and <paramref name="maxDepth"/> nested arrays or objects around a number.</summary>
    public static Gen<string> Nested(int minDepth, int maxDepth) =>
        Gen.Select(Gen.Int[minDepth, maxDepth], Gen.Bool).Select((depth, arrays) => arrays
            ? new string('[', depth) + "1" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
}
