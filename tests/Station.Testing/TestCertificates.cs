using System.Security.Cryptography.X509Certificates;
using CentralSystem.Tls;
using Ocpp16.Testing;

namespace Station.Testing;

/// <summary>Certificates for TLS servers and clients in tests, from throw-away CAs.</summary>
public static class TestCertificates
{
    // A certificate's validity is wall-clock data for the TLS stack, not a behaviour under test.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>A self-signed certificate for 127.0.0.1, valid from yesterday to tomorrow (the protocol part's, for the callers here).</summary>
    public static X509Certificate2 SelfSignedForLoopback() => SelfSignedCertificate.ForLoopback();

    /// <summary>A throw-away CA (ECDSA P-256, quick to make) valid from 30 days ago to 30 days ahead.</summary>
    public static TestCertificateAuthority Authority(string name = "OCPP Test CA") =>
        TestCertificateAuthority.Create(name, Now.AddDays(-30), Now.AddDays(30), TestKeyAlgorithm.EcdsaP256);

    /// <summary>A server certificate of <paramref name="authority"/> for <paramref name="host"/>, valid from yesterday to tomorrow.</summary>
    public static X509Certificate2 Server(TestCertificateAuthority authority, string host = "127.0.0.1") =>
        authority.IssueServerCertificate([host], Now.AddDays(-1), Now.AddDays(1));

    /// <summary>A server certificate for 127.0.0.1 that expired yesterday.</summary>
    public static X509Certificate2 ExpiredServer(TestCertificateAuthority authority) =>
        authority.IssueServerCertificate(["127.0.0.1"], Now.AddDays(-10), Now.AddDays(-1));

    /// <summary>A server certificate for 127.0.0.1 valid from tomorrow.</summary>
    public static X509Certificate2 NotYetValidServer(TestCertificateAuthority authority) =>
        authority.IssueServerCertificate(["127.0.0.1"], Now.AddDays(1), Now.AddDays(10));

    /// <summary>A Charge Point certificate of <paramref name="authority"/> (security profile 3), valid from yesterday to tomorrow.</summary>
    public static X509Certificate2 ChargePoint(TestCertificateAuthority authority, string chargePointId = "cp001") =>
        authority.IssueChargePointCertificate(chargePointId, "Test CPO", Now.AddDays(-1), Now.AddDays(1));

    /// <summary>A Charge Point certificate that expired yesterday.</summary>
    public static X509Certificate2 ExpiredChargePoint(TestCertificateAuthority authority, string chargePointId = "cp001") =>
        authority.IssueChargePointCertificate(chargePointId, "Test CPO", Now.AddDays(-10), Now.AddDays(-1));

    /// <summary>The certificates as a trust store.</summary>
    public static X509Certificate2Collection Roots(params X509Certificate2[] certificates) => [.. certificates];

    /// <summary>PEM text with CRLF line endings, as some certificate tools write it (pitfall 4).</summary>
    public static string CrlfPem(string pem) => pem.ReplaceLineEndings("\r\n");
}
