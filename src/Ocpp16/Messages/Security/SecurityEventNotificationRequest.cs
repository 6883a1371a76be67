using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>SecurityEventNotification.req: the request that reports a security event to the Central System (security whitepaper, Security event notification).</summary>
public sealed record SecurityEventNotificationRequest : IOcppRequest<SecurityEventNotificationResponse>
{
    /// <summary>The event, by its name in the whitepaper's security event list (e.g. InvalidCentralSystemCertificate).</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(CiString50Converter))]
    public required string Type { get; init; }

    /// <summary>When the event happened.</summary>
    [JsonPropertyName("timestamp")]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Additional technical information.</summary>
    [JsonPropertyName("techInfo")]
    [JsonConverter(typeof(CiString255Converter))]
    public string? TechInfo { get; init; }
}
