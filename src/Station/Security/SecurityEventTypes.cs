namespace Station.Security;

/// <summary>The security event types of the whitepaper (edition 3, appendix 1), spelled as on the wire.</summary>
public static class SecurityEventTypes
{
    public const string FirmwareUpdated = nameof(FirmwareUpdated);
    public const string FailedToAuthenticateAtCentralSystem = nameof(FailedToAuthenticateAtCentralSystem);
    public const string CentralSystemFailedToAuthenticate = nameof(CentralSystemFailedToAuthenticate);
    public const string SettingSystemTime = nameof(SettingSystemTime);
    public const string StartupOfTheDevice = nameof(StartupOfTheDevice);
    public const string ResetOrReboot = nameof(ResetOrReboot);
    public const string SecurityLogWasCleared = nameof(SecurityLogWasCleared);
    public const string ReconfigurationOfSecurityParameters = nameof(ReconfigurationOfSecurityParameters);
    public const string MemoryExhaustion = nameof(MemoryExhaustion);
    public const string InvalidMessages = nameof(InvalidMessages);
    public const string AttemptedReplayAttacks = nameof(AttemptedReplayAttacks);
    public const string TamperDetectionActivated = nameof(TamperDetectionActivated);
    public const string InvalidFirmwareSignature = nameof(InvalidFirmwareSignature);
    public const string InvalidFirmwareSigningCertificate = nameof(InvalidFirmwareSigningCertificate);
    public const string InvalidCentralSystemCertificate = nameof(InvalidCentralSystemCertificate);
    public const string InvalidChargePointCertificate = nameof(InvalidChargePointCertificate);
    public const string InvalidTlsVersion = "InvalidTLSVersion";
    public const string InvalidTlsCipherSuite = "InvalidTLSCipherSuite";
}
