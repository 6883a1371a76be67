namespace Station.Security.Certificates;

/// <summary>The kinds of rows in the certificate store.</summary>
public static class CertificateUses
{
    /// <summary>A root the Central System's TLS certificate must chain to (InstallCertificate, <c>security.csmsRootCertificates</c>).</summary>
    public const string CentralSystemRoot = "CentralSystemRootCertificate";

    /// <summary>A root firmware signing certificates must chain to.</summary>
    public const string ManufacturerRoot = "ManufacturerRootCertificate";

    /// <summary>The charge point's own TLS client certificate and key (security profile 3).</summary>
    public const string ChargePoint = "ChargePointCertificate";

    /// <summary>The key of the signing request sent last, until its CertificateSigned arrives.</summary>
    public const string PendingKey = "PendingChargePointKey";

    /// <summary>The one fingerprint of <see cref="PendingKey"/> rows.</summary>
    public const string PendingKeyFingerprint = "pending";
}
