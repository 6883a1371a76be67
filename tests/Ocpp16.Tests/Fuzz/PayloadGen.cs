using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using Ocpp16.Framing;
using Ocpp16.Tests.Codec;

namespace Ocpp16.Tests.Fuzz;

/// <summary>
/// Payloads generated from the official schema of a message (the same files and schema reading as
/// <see cref="SchemaMutations"/>): random valid instances, and random valid instances with exactly
/// one rule broken at a random place, whose code follows from the rule (OCPP-J 1.6 §4.2.3).
/// </summary>
internal static class PayloadGen
{
    private static readonly string[] BadDates = ["not-a-date", "2026-13-01T00:00:00Z", "2026-11-25 16:27:49Z", "25/11/2026 16:27", "2026-11-25", "T16:27:49Z", "2026-11-32T16:27:49", ""];

    /// <summary>A random instance of <paramref name="schema"/>.</summary>
    public static Gen<JsonNode> Valid(JsonObject schema)
    {
        switch (SchemaMutations.Type(schema))
        {
            case "object":
                var required = SchemaMutations.Required(schema);
                var properties = SchemaMutations.Properties(schema)
                    .Select(p => required.Contains(p.Name)
                        ? Valid(p.Schema).Select(v => (p.Name, (JsonNode?)v))
                        : Gen.Bool.SelectMany(present => present ? Valid(p.Schema).Select(v => (p.Name, (JsonNode?)v)) : Gen.Const((p.Name, (JsonNode?)null))))
                    .ToArray();
                return Sequence(properties).Select(pairs =>
                {
                    var obj = new JsonObject();
                    foreach (var (name, value) in pairs.Where(p => p.Item2 is not null))
                    {
                        obj[name] = value;
                    }

                    return (JsonNode)obj;
                });
            case "array":
                return Valid(schema["items"]!.AsObject()).Array[0, 3].Select(items => (JsonNode)new JsonArray(items));
            case "integer":
                return Gen.Int.Select(i => (JsonNode)JsonValue.Create(i));
            case "number":
                return Gen.Int[-1_000_000, 1_000_000].Select(i => (JsonNode)JsonValue.Create(i / 10m));
            case "boolean":
                return Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b));
            default:
                return ValidString(schema).Select(s => (JsonNode)JsonValue.Create(s));
        }
    }

    /// <summary>A random instance of <paramref name="schema"/> with one rule broken, or none (a valid one).</summary>
    public static Gen<GeneratedPayload> Mutated(JsonObject schema) =>
        Gen.Select(Valid(schema), Gen.Int[0, 1]).SelectMany((instance, encoder) =>
        {
            // Sites are built lazily: only the one drawn becomes a generator.
            var sites = new List<Func<Gen<GeneratedPayload>>> { () => Gen.Const(new GeneratedPayload(instance.ToJsonString(JsonGen.Encoders[encoder]), null, "valid", null)) };
            Collect(schema, instance, [], "$", optional: false, sites, instance, encoder);
            return Gen.Int[0, sites.Count - 1].SelectMany(i => sites[i]());
        });

    private static Gen<string> ValidString(JsonObject schema)
    {
        if (schema["enum"] is JsonArray members)
        {
            return Gen.OneOf([.. members.Select(m => m!.GetValue<string>())]);
        }

        return schema["format"]?.GetValue<string>() switch
        {
            "date-time" => Gen.Select(Gen.DateTime[new DateTime(2000, 1, 1), new DateTime(2099, 12, 31)], Gen.Int[-14 * 4, 14 * 4], Gen.Int[0, 2]).Select((time, quarters, style) =>
                style == 0
                    ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), TimeSpan.FromMinutes(quarters * 15))
                        .ToString(style == 1 ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            "uri" => Gen.Select(Gen.OneOf(Gen.Const("ftp"), Gen.Const("http"), Gen.Const("https")), Gen.Char['a', 'z'].Array[1, 20])
                .Select((scheme, path) => $"{scheme}://files.example.com/{new string(path)}/"),
            _ => JsonGen.Text(0, schema["maxLength"]?.GetValue<int>() ?? 100),
        };
    }

    // Adds one generator per rule that can be broken at this value (and below it).
    private static void Collect(JsonObject schema, JsonNode node, object[] at, string path, bool optional, List<Func<Gen<GeneratedPayload>>> sites, JsonNode root, int encoder)
    {
        var type = SchemaMutations.Type(schema)!;
        if (at.Length > 0)
        {
            // A lenient read of an answer takes an explicit null of an optional property as absent.
            sites.Add(() => JsonGen.OtherType(type).Select(wrong =>
                Replace(root, at, wrong, encoder, OcppErrorCode.TypeConstraintViolation, $"{path} of the wrong type", tolerated: optional && wrong == "null")));
        }

        switch (type)
        {
            case "object":
                var obj = node.AsObject();
                var known = SchemaMutations.Properties(schema).ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal);
                sites.Add(() => Gen.Select(JsonGen.Text(1, 12).Where(n => !known.ContainsKey(n)), JsonGen.Value).Select((name, value) =>
                    Change(root, at, o => o.AsObject()[name] = value, encoder, OcppErrorCode.FormationViolation, $"{path}: unknown property", tolerated: true)));
                foreach (var name in SchemaMutations.Required(schema))
                {
                    sites.Add(() => Gen.Const(0).Select(_ => Change(root, at, o => o.AsObject().Remove(name), encoder, OcppErrorCode.OccurenceConstraintViolation, $"{path}.{name} missing")));
                }

                var required = SchemaMutations.Required(schema);
                foreach (var (name, value) in obj)
                {
                    Collect(known[name], value!, [.. at, name], $"{path}.{name}", !required.Contains(name), sites, root, encoder);
                }

                break;
            case "array":
                var array = node.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(schema["items"]!.AsObject(), array[i]!, [.. at, i], $"{path}[{i}]", optional: false, sites, root, encoder);
                }

                break;
            case "number" when schema["multipleOf"] is not null:
                sites.Add(() => Gen.Int[1, 9].Select(d => Replace(root, at, $"0.0{d}", encoder, OcppErrorCode.PropertyConstraintViolation, $"{path} not a multiple of 0.1")));
                break;
            case "string":
                CollectString(schema, at, path, sites, root, encoder);
                break;
        }
    }

    private static void CollectString(JsonObject schema, object[] at, string path, List<Func<Gen<GeneratedPayload>>> sites, JsonNode root, int encoder)
    {
        const OcppErrorCode Property = OcppErrorCode.PropertyConstraintViolation;
        if (schema["maxLength"] is { } maxLength)
        {
            var limit = maxLength.GetValue<int>();
            sites.Add(() => Gen.Frequency((9, Gen.Int[limit + 1, limit + 20]), (1, Gen.Int[limit + 1, 100_000])).SelectMany(length => JsonGen.Text(length, length))
                .SelectMany(JsonGen.Quoted).Select(text => Replace(root, at, text, encoder, Property, $"{path} longer than {limit}")));
        }

        if (schema["enum"] is JsonArray members)
        {
            sites.Add(() =>
            {
                var names = members.Select(m => m!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                var wrong = Gen.Frequency(
                    (1, Gen.OneOf([.. names]).Select(n => n.ToLowerInvariant())),
                    (1, Gen.OneOf([.. names]).Select(n => n + " ")),
                    (2, JsonGen.Text(0, 20)));
                return wrong.Where(w => !names.Contains(w)).SelectMany(JsonGen.Quoted).Select(text => Replace(root, at, text, encoder, Property, $"{path} not a member"));
            });
        }

        switch (schema["format"]?.GetValue<string>())
        {
            case "date-time":
                sites.Add(() => Gen.OneOf(BadDates).SelectMany(JsonGen.Quoted).Select(text => Replace(root, at, text, encoder, Property, $"{path} not an RFC 3339 date-time")));

                // RFC 3339 requires the offset; a lenient read of an answer takes the time as UTC.
                sites.Add(() => Gen.OneOf("2026-11-25T16:27:49", "2026-11-25T16:27:49.5", "1999-12-31T23:59:59.123").SelectMany(JsonGen.Quoted)
                    .Select(text => Replace(root, at, text, encoder, Property, $"{path} without offset", tolerated: true)));
                break;
            case "uri":
                sites.Add(() => Gen.OneOf(Gen.Const("firmware/v2.bin"), Gen.Const("/diagnostics"), Gen.Const("")).SelectMany(JsonGen.Quoted)
                    .Select(text => Replace(root, at, text, encoder, Property, $"{path} not an absolute URI")));
                break;
        }
    }

    private static GeneratedPayload Replace(JsonNode root, object[] at, string valueJson, int encoder, OcppErrorCode code, string what, bool tolerated = false) =>
        Change(root, at[..^1], parent =>
        {
            var value = JsonNode.Parse(valueJson);
            if (at[^1] is string name)
            {
                parent.AsObject()[name] = value;
            }
            else
            {
                parent.AsArray()[(int)at[^1]] = value;
            }
        }, encoder, code, what, tolerated);

    private static GeneratedPayload Change(JsonNode root, object[] at, Action<JsonNode> change, int encoder, OcppErrorCode code, string what, bool tolerated = false)
    {
        var copy = root.DeepClone();
        var node = copy;
        foreach (var step in at)
        {
            node = step is string name ? node[name]! : node[(int)step]!;
        }

        change(node);
        return new GeneratedPayload(copy.ToJsonString(JsonGen.Encoders[encoder]), code, what, tolerated ? null : code);
    }

    private static Gen<T[]> Sequence<T>(Gen<T>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (all, next) => all.SelectMany(items => next.Select(item => (T[])[.. items, item])));
}
