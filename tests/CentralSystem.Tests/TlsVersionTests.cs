using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CentralSystem.Tests.Support;
using CentralSystem.Tls;
using Ocpp16.Transport;
using Station.Testing;
using Xunit;

namespace CentralSystem.Tests;

/// <summary>TLS 1.2 or higher only (security whitepaper), on both sides.</summary>
public sealed class TlsVersionTests : IDisposable
{
    private readonly TestCertificateAuthority _authority = TestCertificates.Authority();

    public void Dispose() => _authority.Dispose();

    [SkippableFact]
    public async Task Charge_point_refuses_a_server_that_offers_only_tls_1_1()
    {
        using var certificate = TestCertificates.Server(_authority);

        // Whether this machine's TLS library can speak TLS 1.1 at all: OpenSSL 3 refuses it below
        // security level 0, which distributions do not ship by default. Then no server here can
        // offer TLS 1.1, and the refusal below is not this client's doing.
#pragma warning disable SYSLIB0039, CA5397 // TLS 1.1 on purpose: the obsolete protocol the client must refuse.
        var legacy = SslProtocols.Tls11;
#pragma warning restore SYSLIB0039, CA5397
        Skip.IfNot(await HandshakeSucceedsAsync(certificate, legacy, legacy), "this platform's TLS library cannot negotiate TLS 1.1 even with itself, so no TLS 1.1-only server can be run here");

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = ServeOnceAsync(listener, certificate, legacy);
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = new Uri($"wss://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/ocpp"),
            ChargePointId = "cp001",
            TrustedRootCertificates = TestCertificates.Roots(_authority.Certificate),
        };

        var refused = await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(options).Bounded());

        Assert.Contains("TLS 1.2 and 1.3", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => serving.Bounded());
    }

    [Fact]
    public async Task Central_system_refuses_a_client_that_offers_only_tls_1_1_or_older()
    {
        using var certificate = TestCertificates.Server(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, csms.Server.Port).Bounded();
        await using var tls = new SslStream(client.GetStream());
#pragma warning disable SYSLIB0039, CA5397 // TLS 1.0 and 1.1 on purpose: the obsolete protocols the server must refuse.
        var legacy = SslProtocols.Tls | SslProtocols.Tls11;
#pragma warning restore SYSLIB0039, CA5397

        await Assert.ThrowsAnyAsync<Exception>(() => tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            EnabledSslProtocols = legacy,
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null,
        }).Bounded());
    }

    [Fact]
    public async Task Charge_point_negotiates_tls_1_2_or_higher_and_reports_what_it_negotiated()
    {
        using var certificate = TestCertificates.Server(_authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = csms.Server.Endpoint,
            ChargePointId = "cp001",
            TrustedRootCertificates = TestCertificates.Roots(_authority.Certificate),
        };

        await using var transport = await OcppWebSocketClient.ConnectAsync(options).Bounded();

        Assert.True(transport.TlsProtocol is SslProtocols.Tls12 or SslProtocols.Tls13, $"negotiated {transport.TlsProtocol}");
        Assert.NotNull(transport.TlsCipherSuite);
        if (TlsPolicy.IsCipherSuitePolicySupported)
        {
            Assert.Contains(transport.TlsCipherSuite!.Value, TlsPolicy.CipherSuites);
        }
    }

    private static async Task<bool> HandshakeSucceedsAsync(X509Certificate2 certificate, SslProtocols server, SslProtocols client)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = ServeOnceAsync(listener, certificate, server);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port).Bounded();
            await using var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                EnabledSslProtocols = client,
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null,
            }).Bounded();
            await serving.Bounded();
            return true;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return false;
        }
    }

    // A bare TLS server without HTTP: the handshake is all that is under test.
    private static async Task ServeOnceAsync(TcpListener listener, X509Certificate2 certificate, SslProtocols protocols)
    {
        using var accepted = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(accepted.GetStream());
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols });
    }
}
