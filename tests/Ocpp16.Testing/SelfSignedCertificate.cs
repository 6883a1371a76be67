using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ocpp16.Testing;

/// <summary>A self-signed certificate for tests that need a certificate but no certificate authority.</summary>
public static class SelfSignedCertificate
{
    // A certificate's validity is wall-clock data for the TLS stack, not a behaviour under test.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>A self-signed certificate for 127.0.0.1 with its private key, valid from yesterday to tomorrow.</summary>
    public static X509Certificate2 ForLoopback()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());

        using var created = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));

        // Kestrel on Linux needs the key in an exportable, reloaded form.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
