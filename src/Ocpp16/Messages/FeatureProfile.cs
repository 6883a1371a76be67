namespace Ocpp16.Messages;

/// <summary>The feature profiles of OCPP 1.6 (§3.4), with the names used in <c>SupportedFeatureProfiles</c>.</summary>
public enum FeatureProfile
{
    /// <summary>Core: booting, authorization, transactions, configuration, remote control.</summary>
    Core,

    /// <summary>FirmwareManagement: firmware update and diagnostics upload.</summary>
    FirmwareManagement,

    /// <summary>LocalAuthListManagement: the Local Authorization List.</summary>
    LocalAuthListManagement,

    /// <summary>Reservation: reserving connectors.</summary>
    Reservation,

    /// <summary>SmartCharging: charging profiles and composite schedules.</summary>
    SmartCharging,

    /// <summary>RemoteTrigger: TriggerMessage.</summary>
    RemoteTrigger,

    /// <summary>
    /// The messages of the security whitepaper ("Improved security for OCPP 1.6-J"). Not a feature
    /// profile of OCPP 1.6 itself: the whitepaper adds no name to <c>SupportedFeatureProfiles</c>.
    /// </summary>
    Security,
}
