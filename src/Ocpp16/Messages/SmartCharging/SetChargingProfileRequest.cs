using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SetChargingProfile.req: the request that installs a charging profile (§5.16).</summary>
public sealed record SetChargingProfileRequest : IOcppRequest<SetChargingProfileResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>The charging profile to install.</summary>
    [JsonPropertyName("csChargingProfiles")]
    public required ChargingProfile CsChargingProfiles { get; init; }
}
