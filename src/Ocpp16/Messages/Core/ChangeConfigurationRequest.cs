using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>ChangeConfiguration.req: the request that sets one configuration key (§5.3).</summary>
public sealed record ChangeConfigurationRequest : IOcppRequest<ChangeConfigurationResponse>
{
    /// <summary>The configuration key.</summary>
    [JsonPropertyName("key")]
    [JsonConverter(typeof(CiString50Converter))]
    public required string Key { get; init; }

    /// <summary>The new value, as text.</summary>
    [JsonPropertyName("value")]
    [JsonConverter(typeof(CiString500Converter))]
    public required string Value { get; init; }
}
