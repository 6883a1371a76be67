using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Station.Testing;

/// <summary>Certificates for TLS servers in tests.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed certificate for 127.0.0.1, valid from yesterday to tomorrow.</summary>
    public static X509Certificate2 SelfSignedForLoopback()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());

        // A certificate's validity is wall-clock data for the TLS stack, not a behaviour under test.
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        // Kestrel on Linux needs the key in an exportable, reloaded form.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
