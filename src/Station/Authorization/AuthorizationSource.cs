namespace Station.Authorization;

/// <summary>Where an authorization decision came from.</summary>
public enum AuthorizationSource
{
    /// <summary>The Central System answered an Authorize request.</summary>
    CentralSystem,

    /// <summary>The Local Authorization List.</summary>
    LocalList,

    /// <summary>The Authorization Cache.</summary>
    Cache,

    /// <summary>Offline, unknown identifier allowed by AllowOfflineTxForUnknownId.</summary>
    OfflineUnknown,

    /// <summary>Offline and no local rule allowed it.</summary>
    OfflineRefused,

    /// <summary>Online, the Central System answered Authorize with a CALLERROR (or a broken answer): it is reachable but did not authorize.</summary>
    CentralSystemError,
}
