using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Station.Host.Dashboard;

/// <summary>Source-generated JSON of the dashboard's endpoints and events, camelCase like the control API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DashboardFrame))]
[JsonSerializable(typeof(FramesBody))]
[JsonSerializable(typeof(ConfigurationBody))]
[JsonSerializable(typeof(IReadOnlyList<ConfigurationKeyBody>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext
{
    /// <summary>Readable text, as the control API writes it.</summary>
    public static DashboardJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
