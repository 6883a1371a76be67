namespace Station.Security.Certificates;

/// <summary>
/// What the start-up configuration (<c>run --config</c>, <c>security</c> section) brings: roots
/// trusted for the Central System, and the charge point certificate with its key. Each is installed
/// once, the first time it is seen; what the Central System deletes or replaces later stays so.
/// </summary>
public sealed record CertificateProvisioning
{
    /// <summary>PEM texts of CentralSystemRootCertificates (a text may hold several certificates).</summary>
    public IReadOnlyList<string> CentralSystemRootPems { get; init; } = [];

    /// <summary>The charge point certificate (then its sub-CAs, if any), PEM.</summary>
    public string? ClientCertificatePem { get; init; }

    /// <summary>The private key of <see cref="ClientCertificatePem"/>, PEM (PKCS #8, or PKCS #1 / SEC 1). Never logged.</summary>
    public string? ClientKeyPem { get; init; }

    /// <summary>Never the key.</summary>
    public override string ToString() =>
        $"{CentralSystemRootPems.Count} root text(s), client certificate {(ClientCertificatePem is null ? "none" : "given")}";
}
