using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>A charging profile as installed: on connector 0 (the whole station) or on one connector.</summary>
/// <param name="ConnectorId">The connectorId of the SetChargingProfile.req (or of the RemoteStartTransaction) that installed it.</param>
/// <param name="Profile">The profile, unchanged.</param>
public sealed record InstalledProfile(int ConnectorId, ChargingProfile Profile)
{
    /// <summary>The profile's purpose.</summary>
    public ChargingProfilePurposeType Purpose => Profile.ChargingProfilePurpose;

    /// <summary>The profile's stack level.</summary>
    public int StackLevel => Profile.StackLevel;
}
