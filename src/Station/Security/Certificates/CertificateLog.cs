using Microsoft.Extensions.Logging;

namespace Station.Security.Certificates;

/// <summary>Log events of the certificate block (event ids 3400–3449). Subjects and fingerprints only, never a key.</summary>
internal static partial class CertificateLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Installed {Use} '{Subject}' ({Fingerprint}) from {Source}")]
    public static partial void Installed(ILogger logger, string use, string subject, string fingerprint, string source);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Refused to install a {Use}: {Reason}")]
    public static partial void InstallRefused(ILogger logger, string use, string reason);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Deleted {Use} '{Subject}' ({Fingerprint})")]
    public static partial void Deleted(ILogger logger, string use, string subject, string fingerprint);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "DeleteCertificate answered {Status}: {Reason}")]
    public static partial void DeleteRefused(ILogger logger, Ocpp16.Messages.DeleteCertificateStatusEnumType status, string reason);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Information, Message = "Sent a certificate signing request for '{Subject}' ({Algorithm}); the Central System answered {Status}")]
    public static partial void SigningRequested(ILogger logger, string subject, string algorithm, Ocpp16.Messages.GenericStatusEnumType status);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Information, Message = "Accepted the charge point certificate '{Subject}' issued by '{Issuer}', " +
        "valid until {NotAfter:O}; used from the next connection")]
    public static partial void CertificateAccepted(ILogger logger, string subject, string issuer, DateTime notAfter);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning, Message = "Rejected a CertificateSigned: {Reason}")]
    public static partial void CertificateRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3407, Level = LogLevel.Warning, Message = "Ignoring a stored {Use} ({Fingerprint}) that cannot be loaded: {Reason}")]
    public static partial void Unloadable(ILogger logger, string use, string fingerprint, string reason);

    [LoggerMessage(EventId = 3408, Level = LogLevel.Information, Message = "The charge point certificate '{Subject}' expires at {NotAfter:O}; renewing it (new key pair, SignCertificate)")]
    public static partial void RenewalDue(ILogger logger, string subject, DateTime notAfter);
}
