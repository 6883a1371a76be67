namespace Station.Security.Certificates;

/// <summary>
/// Where the certificate block keeps the installed root certificates, the charge point certificate
/// with its private key, and the key of a signing request still waiting for its certificate. A
/// deleted or replaced certificate stays as a tombstone, so that the start-up configuration does not
/// install it again after a restart (what the Central System did wins over <c>--config</c>).
/// </summary>
public interface ICertificateStore
{
    /// <summary>Every stored row, tombstones included.</summary>
    IReadOnlyList<StoredCertificate> Load();

    /// <summary>Inserts or replaces the row of <see cref="StoredCertificate.Use"/> and <see cref="StoredCertificate.Fingerprint"/>.</summary>
    void Save(StoredCertificate certificate);
}
