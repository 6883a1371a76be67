using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>GetConfiguration.conf: the answer to the request that reads configuration keys; no key list means all keys (§5.8).</summary>
public sealed record GetConfigurationResponse : IOcppResponse
{
    /// <summary>The known keys that were asked for.</summary>
    [JsonPropertyName("configurationKey")]
    public IReadOnlyList<KeyValue>? ConfigurationKey { get; init; }

    /// <summary>The requested keys that are not known.</summary>
    [JsonPropertyName("unknownKey")]
    [JsonConverter(typeof(CiString50ListConverter))]
    public IReadOnlyList<string>? UnknownKey { get; init; }
}
