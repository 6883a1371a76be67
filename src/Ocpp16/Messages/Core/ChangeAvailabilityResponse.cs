using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ChangeAvailability.conf: the answer to the request that makes a connector, or the whole Charge Point (connector 0), operative or inoperative (§5.2).</summary>
public sealed record ChangeAvailabilityResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required AvailabilityStatus Status { get; init; }
}
