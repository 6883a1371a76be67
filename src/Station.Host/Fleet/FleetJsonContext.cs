using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Station.Host.Fleet;

/// <summary>Source-generated JSON of the fleet control API and report: camelCase, OCPP enums by their wire names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(FleetBody))]
[JsonSerializable(typeof(StationListBody))]
internal sealed partial class FleetJsonContext : JsonSerializerContext
{
    public static FleetJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
