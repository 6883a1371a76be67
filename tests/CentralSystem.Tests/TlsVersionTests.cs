using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
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

    [Fact]
    public async Task Charge_point_refuses_a_server_that_offers_only_tls_1_1()
    {
        // Not an SslStream server with EnabledSslProtocols = Tls11: OpenSSL 3 (this platform's TLS
        // library) cannot negotiate TLS 1.1 at its default security level, even with itself, so such
        // a server refuses on its own and proves nothing about the client. The record-level server
        // reads the client's real ClientHello and answers it as a TLS 1.1-only server does.
        await using var server = LegacyTlsServer.Start(LegacyTlsServer.Tls11);
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = server.Endpoint,
            ChargePointId = "cp001",
            TrustedRootCertificates = TestCertificates.Roots(_authority.Certificate),
        };

        var refused = await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(options).Bounded());
        var exchange = await server.FirstExchange.Bounded();

        // What the client offered: TLS 1.2 and 1.3, nothing older (0x0303, 0x0304).
        Assert.All(exchange.OfferedVersions, v => Assert.InRange(v, (ushort)0x0303, (ushort)0x0304));
        Assert.Contains((ushort)0x0303, exchange.OfferedVersions);

        // What it did with a TLS 1.1 ServerHello: the protocol_version alert, and no connection.
        Assert.Equal(LegacyTlsExchange.ProtocolVersionAlert, exchange.AlertDescription);
        Assert.Contains("TLS 1.2 and 1.3", refused.Message, StringComparison.Ordinal);
        Assert.Contains("unsupported protocol", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Charge_point_refuses_a_server_that_offers_only_tls_1_0()
    {
        await using var server = LegacyTlsServer.Start(0x0301);
        var options = new WebSocketClientOptions { CentralSystemUri = server.Endpoint, ChargePointId = "cp001" };

        await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(options).Bounded());
        Assert.Equal(LegacyTlsExchange.ProtocolVersionAlert, (await server.FirstExchange.Bounded()).AlertDescription);
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
}
