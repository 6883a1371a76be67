using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralSystem.Tls;

/// <summary>
/// A throw-away certificate authority, for trying security profiles 2 and 3 and for tests: it
/// issues the Central System's TLS certificate and Charge Point client certificates. Its key lives
/// in memory only. Not for production: nothing guards its key, and it keeps no revocation list.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly TestKeyAlgorithm _algorithm;

    private TestCertificateAuthority(X509Certificate2 certificate, TestKeyAlgorithm algorithm)
    {
        Certificate = certificate;
        _algorithm = algorithm;
    }

    /// <summary>The CA's certificate, with its private key: the root a station trusts.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a self-signed CA valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public static TestCertificateAuthority Create(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, TestKeyAlgorithm algorithm = TestKeyAlgorithm.Rsa2048)
    {
        using var key = CreateKey(algorithm);
        var request = Request(new X500DistinguishedName($"CN={commonName}"), key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var created = request.CreateSelfSigned(notBefore, notAfter);
        return new TestCertificateAuthority(Reloaded(created), algorithm);
    }

    /// <summary>
    /// A TLS server certificate for <paramref name="hostNames"/> (DNS names or IP addresses, each in the
    /// subject alternative names; the first is also the commonName, as the whitepaper asks).
    /// </summary>
    public X509Certificate2 IssueServerCertificate(IReadOnlyList<string> hostNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentOutOfRangeException.ThrowIfZero(hostNames.Count);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hostNames)
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        return Issue(new X500DistinguishedName($"CN={hostNames[0]}"), "1.3.6.1.5.5.7.3.1", names.Build(), notBefore, notAfter);
    }

    /// <summary>
    /// A Charge Point certificate for security profile 3: commonName the Charge Point's serial number
    /// (or id), organizationName the CPO (the whitepaper's CpoName).
    /// </summary>
    public X509Certificate2 IssueChargePointCertificate(string commonName, string organization, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var subject = new X500DistinguishedNameBuilder();
        // Added in this order, the name reads "CN=…, O=…".
        subject.AddCommonName(commonName);
        subject.AddOrganizationName(organization);
        return Issue(subject.Build(), "1.3.6.1.5.5.7.3.2", alternativeNames: null, notBefore, notAfter);
    }

    /// <summary>
    /// Signs a charge point's PKCS #10 request (SignCertificate.req) as a Central System acting as the CA
    /// does: the request's subject and key, a client authentication certificate; returns its PEM.
    /// </summary>
    public string SignRequest(string csrPem, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, notBefore, notAfter, serial);
        return issued.ExportCertificatePem();
    }

    /// <inheritdoc/>
    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(X500DistinguishedName subject, string usage, X509Extension? alternativeNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = CreateKey(_algorithm);
        var request = Request(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        var keyUsage = _algorithm == TestKeyAlgorithm.Rsa2048 ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(keyUsage, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        // RFC 5280 §4.1.2.2: a positive serial number of at most 20 octets.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, notBefore, notAfter, serial);
        using var withKey = key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            _ => throw new InvalidOperationException($"unexpected key {key.GetType().Name}"),
        };
        return Reloaded(withKey);
    }

    private static AsymmetricAlgorithm CreateKey(TestKeyAlgorithm algorithm) => algorithm switch
    {
        TestKeyAlgorithm.Rsa2048 => RSA.Create(2048),
        _ => ECDsa.Create(ECCurve.NamedCurves.nistP256),
    };

    private static CertificateRequest Request(X500DistinguishedName subject, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
        _ => throw new InvalidOperationException($"unexpected key {key.GetType().Name}"),
    };

    // An exportable key that TLS stacks accept on every platform (ephemeral keys fail on Windows).
    private static X509Certificate2 Reloaded(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
}
