using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ChangeConfiguration.conf: the answer to the request that sets one configuration key (§5.3).</summary>
public sealed record ChangeConfigurationResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required ConfigurationStatus Status { get; init; }
}
