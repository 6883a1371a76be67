using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ClearCache.conf: the answer to the request that empties the Authorization Cache (§5.4).</summary>
public sealed record ClearCacheResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required ClearCacheStatus Status { get; init; }
}
