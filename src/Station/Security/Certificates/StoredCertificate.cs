namespace Station.Security.Certificates;

/// <summary>One row of the certificate store.</summary>
public sealed record StoredCertificate
{
    /// <summary>What it is: one of <see cref="CertificateUses"/>.</summary>
    public required string Use { get; init; }

    /// <summary>The SHA-256 of the certificate's DER, hexadecimal (for the signing request's key: <see cref="CertificateUses.PendingKeyFingerprint"/>).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The certificate (with its sub-CAs for the charge point certificate), PEM; null for a pending key.</summary>
    public string? Pem { get; init; }

    /// <summary>The private key, PKCS #8 PEM: the charge point certificate's, or the pending signing request's. Never logged.</summary>
    public string? PrivateKeyPem { get; init; }

    /// <summary>When it was installed.</summary>
    public required DateTimeOffset InstalledAt { get; init; }

    /// <summary>Deleted or replaced: kept so the start-up configuration does not bring it back.</summary>
    public bool Deleted { get; init; }

    /// <summary>Never the private key.</summary>
    public override string ToString() => $"{Use} {Fingerprint}{(Deleted ? " (deleted)" : string.Empty)}";
}
