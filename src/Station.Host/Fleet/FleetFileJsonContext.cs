using System.Text.Json;
using System.Text.Json.Serialization;

namespace Station.Host.Fleet;

/// <summary>Source-generated JSON of the fleet file: camelCase, comments and trailing commas allowed, unknown fields refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(FleetFile))]
internal sealed partial class FleetFileJsonContext : JsonSerializerContext;
