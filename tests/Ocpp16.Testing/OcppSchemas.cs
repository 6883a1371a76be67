using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Ocpp16.Testing;

/// <summary>
/// The official OCPP 1.6 JSON schemas and those of the security whitepaper (test data, kept
/// unmodified) as a validator: every message the station produces is checked against them in tests.
/// </summary>
public static class OcppSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Cache = new(StringComparer.Ordinal);

    /// <summary>The folder holding the schema files in the test output.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Schemas", "ocpp16");

    /// <summary>
    /// The folder of the security whitepaper's schemas (the workplace's copy of <c>shared/ocpp16/security-schemas</c>),
    /// which security messages are checked against.
    /// </summary>
    public static string SecurityDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Schemas", "ocpp16-security");

    /// <summary>The schema of a request (<paramref name="isResponse"/> false) or response of <paramref name="action"/>.</summary>
    public static JsonSchema For(string action, bool isResponse) =>
        Cache.GetOrAdd(action + (isResponse ? "Response" : string.Empty), _ => new Lazy<JsonSchema>(() => Load(action, isResponse))).Value;

    /// <summary>The path of the schema file of a request (<paramref name="isResponse"/> false) or response of <paramref name="action"/>.</summary>
    public static string FileFor(string action, bool isResponse)
    {
        var name = action + (isResponse ? "Response" : string.Empty) + ".json";
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : Path.Combine(SecurityDirectory, name);
    }

    /// <summary>The schema violations of <paramref name="json"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string action, bool isResponse, string json) =>
        [.. For(action, isResponse).Validate(json).Select(Describe)];

    /// <summary>Fails the test unless <paramref name="json"/> is valid for its schema.</summary>
    public static void AssertValid(string action, bool isResponse, string json)
    {
        var errors = Errors(action, isResponse, json);
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{action}{(isResponse ? ".conf" : ".req")} breaks its schema: {string.Join("; ", errors)}\n{json}");
        }
    }

    // NJsonSchema only has an async loader; it completes synchronously for in-memory text.
    private static JsonSchema Load(string action, bool isResponse) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(FileFor(action, isResponse))).GetAwaiter().GetResult();

    private static string Describe(ValidationError error) => $"{error.Kind} at {error.Path}";
}
