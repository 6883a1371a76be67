using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Composition;
using Station.Security;

namespace Station.IntegrationTests.Support;

/// <summary>
/// A throw-away manufacturer: a root certificate (what the station has installed as its
/// ManufacturerRootCertificate) and a firmware signing certificate it issued, valid around the
/// virtual clock's epoch; signs images as the whitepaper says (SHA-256, DER, base64).
/// </summary>
internal sealed class FirmwareSigning : IManufacturerRoots, IStationModule, IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private FirmwareSigning(X509Certificate2 root, X509Certificate2 signing, AsymmetricAlgorithm key)
    {
        Root = root;
        Signing = signing;
        _key = key;
    }

    /// <summary>The root the station trusts.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The signing certificate (no private key).</summary>
    public X509Certificate2 Signing { get; }

    /// <summary>The signing certificate as SignedUpdateFirmware carries it.</summary>
    public string SigningCertificatePem => Signing.ExportCertificatePem();

    /// <summary>A manufacturer whose signing key is ECDSA P-256 (or RSA 2048).</summary>
    public static FirmwareSigning Create(bool rsa = false, string name = "Test Manufacturer")
    {
        var from = VirtualClock.Epoch.AddDays(-1);
        var to = VirtualClock.Epoch.AddYears(1);
        // The root signs with the leaf's algorithm (CertificateRequest.Create needs the issuer's key to match).
        using AsymmetricAlgorithm rootKey = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = rootKey is RSA rsaRoot
            ? new CertificateRequest($"CN={name} Root", rsaRoot, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={name} Root", (ECDsa)rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(from, to);

        AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsaKey
            ? new CertificateRequest($"CN={name} Firmware Signing", rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={name} Firmware Signing", (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var signing = request.Create(root, from, to, RandomNumberGenerator.GetBytes(8));
        return new FirmwareSigning(root, signing, key);
    }

    /// <summary>The whitepaper's signature over <paramref name="image"/>.</summary>
    public string Sign(byte[] image) => Convert.ToBase64String(_key switch
    {
        RSA rsa => rsa.SignData(image, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => ecdsa.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new InvalidOperationException("unknown key"),
    });

    /// <inheritdoc/>
    public IReadOnlyList<X509Certificate2> ManufacturerRootCertificates() => [Root];

    /// <summary>
    /// The default composition with this manufacturer's root installed (a stand-in for the
    /// certificate store, built first so that the certificate block leaves the roots to it).
    /// </summary>
    public IReadOnlyList<ModuleDefinition> Composition() =>
    [
        new ModuleDefinition
        {
            Name = "TestManufacturerRoots",
            Profile = FeatureProfile.Security,
            Create = context =>
            {
                context.Provide<IManufacturerRoots>(this);
                return this;
            },
        },
        .. StationComposition.Default,
    ];

    /// <inheritdoc/>
    public void Dispose()
    {
        Root.Dispose();
        Signing.Dispose();
        _key.Dispose();
    }
}
