using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SendLocalList.conf: the answer to the request that replaces or updates the Local Authorization List (§5.15).</summary>
public sealed record SendLocalListResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required UpdateStatus Status { get; init; }
}
