using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace CentralSystem.Api;

/// <summary>Source-generated JSON of the HTTP API: camelCase, OCPP enums by their wire names, dates as OCPP writes them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(OcppDateTimeConverter)])]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(CallErrorBody))]
[JsonSerializable(typeof(StationBody))]
[JsonSerializable(typeof(IReadOnlyList<StationBody>))]
[JsonSerializable(typeof(AnswersBody))]
[JsonSerializable(typeof(IReadOnlyList<ActionBody>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>The context with readable text (idTags and descriptions unescaped): the API answers tools and people.</summary>
    public static ApiJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new OcppDateTimeConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writer options matching <see cref="Relaxed"/>, for bodies written by hand.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
