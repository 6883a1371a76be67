using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ClearChargingProfile.conf: the answer to the request that removes charging profiles that match the given criteria (§5.5).</summary>
public sealed record ClearChargingProfileResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required ClearChargingProfileStatus Status { get; init; }
}
