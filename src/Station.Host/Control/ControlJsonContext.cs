using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Station.Host.Control;

/// <summary>Source-generated JSON of the control API: camelCase, OCPP enums by their wire names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(RfidBody))]
[JsonSerializable(typeof(FaultBody))]
[JsonSerializable(typeof(StateBody))]
[JsonSerializable(typeof(TamperBody))]
[JsonSerializable(typeof(SecurityLogClearBody))]
[JsonSerializable(typeof(SecurityLogClearedBody))]
[JsonSerializable(typeof(SecurityLogBody))]
internal sealed partial class ControlJsonContext : JsonSerializerContext
{
    /// <summary>The context with readable text: the API answers tools and people, not HTML pages.</summary>
    public static ControlJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
