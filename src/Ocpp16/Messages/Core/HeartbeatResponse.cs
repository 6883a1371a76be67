using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>Heartbeat.conf: the answer to the request that tells the Central System the Charge Point is alive and synchronises its clock (§4.6).</summary>
public sealed record HeartbeatResponse : IOcppResponse
{
    /// <summary>The Central System's current time.</summary>
    [JsonPropertyName("currentTime")]
    public required DateTimeOffset CurrentTime { get; init; }
}
