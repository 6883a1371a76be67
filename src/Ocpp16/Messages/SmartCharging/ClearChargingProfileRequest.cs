using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ClearChargingProfile.req: the request that removes charging profiles that match the given criteria (§5.5).</summary>
public sealed record ClearChargingProfileRequest : IOcppRequest<ClearChargingProfileResponse>
{
    /// <summary>The id of the charging profile to clear.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>The connector whose profiles to clear; 0 means the Charge Point as a whole.</summary>
    [JsonPropertyName("connectorId")]
    public int? ConnectorId { get; init; }

    /// <summary>The purpose of the charging profiles concerned.</summary>
    [JsonPropertyName("chargingProfilePurpose")]
    public ChargingProfilePurposeType? ChargingProfilePurpose { get; init; }

    /// <summary>The stack level of the charging profiles concerned.</summary>
    [JsonPropertyName("stackLevel")]
    public int? StackLevel { get; init; }
}
