using System.Text.Json;
using System.Text.Json.Serialization;

namespace Station.Host.Run;

/// <summary>Source-generated JSON of the station configuration file: camelCase, unknown properties refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StationConfigFile))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
