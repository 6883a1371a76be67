using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>BootNotification.conf: the answer to the request that registers the Charge Point with the Central System after every (re)boot (§4.2).</summary>
public sealed record BootNotificationResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required RegistrationStatus Status { get; init; }

    /// <summary>The Central System's current time.</summary>
    [JsonPropertyName("currentTime")]
    public required DateTimeOffset CurrentTime { get; init; }

    /// <summary>With Accepted: the heartbeat interval in seconds; otherwise the minimum wait before the next BootNotification.</summary>
    [JsonPropertyName("interval")]
    public required int Interval { get; init; }
}
