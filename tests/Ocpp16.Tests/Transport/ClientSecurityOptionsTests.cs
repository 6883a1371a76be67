using System.Security.Cryptography.X509Certificates;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Xunit;

namespace Ocpp16.Tests.Transport;

/// <summary>The client's security settings: the Basic credentials it sends, and the settings it refuses before dialling.</summary>
public sealed class ClientSecurityOptionsTests
{
    private static readonly Uri Secure = new("wss://csms.example.com/ocpp");

    [Fact]
    [Trait("Cert", "TC_085_CS")]
    public void Basic_header_is_the_charge_point_id_and_the_password_in_base64()
    {
        Assert.Equal("Basic Q1AwMDE6MDEyMzQ1Njc4OWFiY2RlZg==", BasicAuthPassword.FromString("0123456789abcdef").AuthorizationHeader("CP001"));
    }

    [Fact]
    public void Binary_password_travels_as_its_bytes()
    {
        // The whitepaper's AuthorizationKey may be binary, configured as hexadecimal.
        var key = Convert.FromHexString("0001020304050607FFFFFFFFFFFFFFFFFFFFFFFF");

        Assert.Equal("Basic QUwxMDAwOgABAgMEBQYH////////////////", BasicAuthPassword.FromBytes(key).AuthorizationHeader("AL1000"));
    }

    [Fact]
    public void Password_is_never_printed()
    {
        BasicAuthPassword password = "secret-password-123";
        var options = new WebSocketClientOptions { CentralSystemUri = Secure, ChargePointId = "CP001", BasicAuthPassword = password };

        Assert.Equal("(password hidden)", password.ToString());
        Assert.DoesNotContain("secret-password-123", options.ToString(), StringComparison.Ordinal);
        Assert.Equal(BasicAuthPassword.FromString("secret-password-123"), password);
        Assert.NotEqual(BasicAuthPassword.FromString("secret-password-124"), password);
    }

    [Fact]
    public void Credentials_in_the_url_are_refused_without_repeating_them()
    {
        var options = new WebSocketClientOptions { CentralSystemUri = new Uri("wss://CP001:secret-password-123@csms.example.com/ocpp"), ChargePointId = "CP001" };

        var refused = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Contains("must not carry credentials; set BasicAuthPassword instead", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password-123", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_settings_on_a_plain_url_are_refused()
    {
        // These checks look at the URL and the private key only, so any certificate will do for the root and the client.
        using var root = SelfSignedCertificate.ForLoopback();
        using var certificate = SelfSignedCertificate.ForLoopback();
        var plain = new Uri("ws://csms.example.com/ocpp");

        var roots = Assert.Throws<ArgumentException>(() => new WebSocketClientOptions { CentralSystemUri = plain, ChargePointId = "CP001", TrustedRootCertificates = [root] }.Validate());
        var client = Assert.Throws<ArgumentException>(() => new WebSocketClientOptions { CentralSystemUri = plain, ChargePointId = "CP001", ClientCertificate = certificate }.Validate());

        Assert.Contains("TrustedRootCertificates needs a wss:// CentralSystemUri", roots.Message, StringComparison.Ordinal);
        Assert.Contains("ClientCertificate needs a wss:// CentralSystemUri", client.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_certificate_without_its_private_key_is_refused()
    {
        using var withKey = SelfSignedCertificate.ForLoopback();
        using var withoutKey = X509CertificateLoader.LoadCertificate(withKey.RawData);

        var refused = Assert.Throws<ArgumentException>(() => new WebSocketClientOptions { CentralSystemUri = Secure, ChargePointId = "CP001", ClientCertificate = withoutKey }.Validate());

        Assert.Contains("ClientCertificate needs its private key", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CP:001")]
    [InlineData("")]
    public void A_charge_point_id_basic_auth_cannot_carry_is_refused(string chargePointId)
    {
        var options = new WebSocketClientOptions { CentralSystemUri = Secure, ChargePointId = chargePointId, BasicAuthPassword = "0123456789abcdef" };

        Assert.Throws<ArgumentException>(() => options.Validate());
    }

    [Fact]
    public void Empty_trust_store_and_a_custom_check_beside_it_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WebSocketClientOptions { CentralSystemUri = Secure, ChargePointId = "CP001", TrustedRootCertificates = [] }.Validate());

        using var root = SelfSignedCertificate.ForLoopback();
        var both = new WebSocketClientOptions
        {
            CentralSystemUri = Secure,
            ChargePointId = "CP001",
            TrustedRootCertificates = [root],
            ServerCertificateValidation = (_, presented, _, _) => presented is not null,
        };
        Assert.Contains("replaces the check TrustedRootCertificates makes", Assert.Throws<ArgumentException>(() => both.Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cipher_suites_include_the_four_the_whitepaper_requires_and_no_cbc_suite()
    {
        Assert.Contains(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsPolicy.CipherSuites);
        Assert.Contains(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TlsPolicy.CipherSuites);
        Assert.Contains(System.Net.Security.TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, TlsPolicy.CipherSuites);
        Assert.Contains(System.Net.Security.TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, TlsPolicy.CipherSuites);
        Assert.DoesNotContain(TlsPolicy.CipherSuites, suite => suite.ToString().Contains("CBC", StringComparison.Ordinal) || suite.ToString().EndsWith("_SHA", StringComparison.Ordinal));
        Assert.Equal(OperatingSystem.IsLinux(), TlsPolicy.CreateCipherSuitesPolicy() is not null);
    }
}
