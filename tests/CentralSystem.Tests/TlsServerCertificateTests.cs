using System.Security.Cryptography.X509Certificates;
using CentralSystem.Tests.Support;
using CentralSystem.Tls;
using Ocpp16.Transport;
using Station.Testing;
using Xunit;

namespace CentralSystem.Tests;

/// <summary>
/// Security profile 2 over real TLS on loopback: the Charge Point trusts only its configured root
/// certificates, checks the host name and validity, and every refusal is a typed exception.
/// </summary>
[Trait("Cert", "TC_086_CS")]
public sealed class TlsServerCertificateTests : IDisposable
{
    private readonly TestCertificateAuthority _authority = TestCertificates.Authority();

    public void Dispose() => _authority.Dispose();

    [Fact]
    public async Task Connects_when_the_server_certificate_chains_to_a_trusted_root()
    {
        using var certificate = TestCertificates.Server(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });

        await using var transport = await OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(_authority.Certificate))).Bounded();

        Assert.Equal("wss", csms.Server.Endpoint.Scheme);
        Assert.True((await csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
        var negotiated = Assert.Single(csms.Logs.GetSnapshot(), r => r.Message.StartsWith("Station cp001 uses ", StringComparison.Ordinal)).Message;
        Assert.Matches("uses Tls1[23] with ", negotiated);
        if (TlsPolicy.IsCipherSuitePolicySupported)
        {
            Assert.Contains(TlsPolicy.CipherSuites, suite => negotiated.Contains($" with {suite};", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Refuses_a_server_certificate_of_another_ca_even_if_it_is_otherwise_valid()
    {
        using var stranger = TestCertificates.Authority("Some Other CA");
        using var certificate = TestCertificates.Server(stranger);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });

        var refused = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(_authority.Certificate))).Bounded());

        Assert.Equal(CertificateProblems.Untrusted, refused.Problems);
        Assert.Equal("CN=127.0.0.1", refused.Subject);
        Assert.Contains("does not chain to a trusted root certificate", refused.Message, StringComparison.Ordinal);
        Assert.Empty(csms.Server.Sessions);
    }

    [Fact]
    public async Task Refuses_an_expired_server_certificate()
    {
        using var certificate = TestCertificates.ExpiredServer(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });

        var refused = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(_authority.Certificate))).Bounded());

        Assert.Equal(CertificateProblems.Expired, refused.Problems);
        Assert.Contains("'CN=127.0.0.1' expired on ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_server_certificate_that_is_not_valid_yet()
    {
        using var certificate = TestCertificates.NotYetValidServer(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });

        var refused = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(_authority.Certificate))).Bounded());

        Assert.Equal(CertificateProblems.NotYetValid, refused.Problems);
        Assert.Contains("is not valid before ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_server_certificate_for_another_host_name()
    {
        using var certificate = TestCertificates.Server(_authority, "csms.example.com");
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });

        var refused = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(_authority.Certificate))).Bounded());

        Assert.Equal(CertificateProblems.HostNameMismatch, refused.Problems);
        Assert.Contains("it is not issued for the host '127.0.0.1'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_handshake_leaves_the_central_system_serving_the_next_station()
    {
        using var certificate = TestCertificates.Server(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });
        using var stranger = TestCertificates.Authority("Some Other CA");
        await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(stranger.Certificate))).Bounded());

        await using var transport = await OcppWebSocketClient.ConnectAsync(Options(csms, TestCertificates.Roots(_authority.Certificate))).Bounded();

        Assert.True((await csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
    }

    [Fact]
    [Trait("Pitfall", "4")]
    public async Task Accepts_root_and_server_certificates_read_from_crlf_pem()
    {
        using var issued = TestCertificates.Server(_authority);
        var certificatePem = TestCertificates.CrlfPem(issued.ExportCertificatePem());
        var keyPem = TestCertificates.CrlfPem(issued.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        Assert.Contains("\r\n", certificatePem, StringComparison.Ordinal);
        using var fromPem = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = fromPem });
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(TestCertificates.CrlfPem(_authority.Certificate.ExportCertificatePem()));

        await using var transport = await OcppWebSocketClient.ConnectAsync(Options(csms, roots)).Bounded();

        Assert.True((await csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
    }

    [Fact]
    public async Task A_custom_check_that_refuses_is_reported_as_a_rejected_certificate()
    {
        using var certificate = TestCertificates.Server(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = csms.Server.Endpoint,
            ChargePointId = "cp001",
            ServerCertificateValidation = (_, _, _, _) => false,
        };

        var refused = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(options).Bounded());

        Assert.True(refused.Problems.HasFlag(CertificateProblems.Other));
        Assert.Contains("the configured certificate check refused it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configured_roots_the_system_store_decides_and_a_test_ca_is_not_in_it()
    {
        using var certificate = TestCertificates.Server(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });

        var refused = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => OcppWebSocketClient.ConnectAsync(Options(csms, roots: null)).Bounded());

        Assert.Equal(CertificateProblems.Untrusted, refused.Problems);
    }

    private static WebSocketClientOptions Options(TestCentralSystem csms, X509Certificate2Collection? roots) => new()
    {
        CentralSystemUri = csms.Server.Endpoint,
        ChargePointId = "cp001",
        TrustedRootCertificates = roots,
    };
}
