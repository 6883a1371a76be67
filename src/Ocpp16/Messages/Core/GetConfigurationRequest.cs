using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>GetConfiguration.req: the request that reads configuration keys; no key list means all keys (§5.8).</summary>
public sealed record GetConfigurationRequest : IOcppRequest<GetConfigurationResponse>
{
    /// <summary>The keys to read; absent or empty means all keys.</summary>
    [JsonPropertyName("key")]
    [JsonConverter(typeof(CiString50ListConverter))]
    public IReadOnlyList<string>? Key { get; init; }
}
