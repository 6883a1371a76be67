using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SetChargingProfile.conf: the answer to the request that installs a charging profile (§5.16).</summary>
public sealed record SetChargingProfileResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required ChargingProfileStatus Status { get; init; }
}
