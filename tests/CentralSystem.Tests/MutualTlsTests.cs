using System.Security.Cryptography.X509Certificates;
using CentralSystem.Tests.Support;
using CentralSystem.Tls;
using Ocpp16.Transport;
using Station.Testing;
using Xunit;

namespace CentralSystem.Tests;

/// <summary>
/// Security profile 3 over real TLS on loopback: the Central System requires a client certificate
/// that chains to its configured CA, refuses the handshake otherwise with a log line saying why,
/// and the Charge Point sees a typed exception.
/// </summary>
[Trait("Cert", "TC_087_CS")]
public sealed class MutualTlsTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificateAuthority _authority = TestCertificates.Authority();
    private X509Certificate2 _serverCertificate = null!;
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync()
    {
        _serverCertificate = TestCertificates.Server(_authority);
        _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions
        {
            ServerCertificate = _serverCertificate,
            ClientCertificateAuthorities = TestCertificates.Roots(_authority.Certificate),
        });
    }

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    public void Dispose()
    {
        _serverCertificate.Dispose();
        _authority.Dispose();
    }

    [Fact]
    public async Task Connects_with_a_client_certificate_of_the_ca()
    {
        using var certificate = TestCertificates.ChargePoint(_authority);

        await using var transport = await OcppWebSocketClient.ConnectAsync(Options(certificate)).Bounded();

        Assert.True((await _csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
        Assert.True(_csms.Logged("client certificate: CN=cp001, O=Test CPO"));
    }

    [Fact]
    public async Task Refuses_a_station_without_a_client_certificate_with_403_saying_why()
    {
        var refused = await Assert.ThrowsAsync<AuthenticationRefusedException>(() => OcppWebSocketClient.ConnectAsync(Options(certificate: null)).Bounded());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("no client certificate is offered, and none is configured", refused.Message, StringComparison.Ordinal);
        Assert.True(_csms.Logged("Refused station cp001 from 127.0.0.1 with 403: it presented no TLS client certificate, and security profile 3 requires one"));
        Assert.Empty(_csms.Server.Sessions);
    }

    [Fact]
    public async Task Refuses_a_client_certificate_of_another_ca()
    {
        using var stranger = TestCertificates.Authority("Some Other CA");
        using var certificate = TestCertificates.ChargePoint(stranger);

        var refused = await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(Options(certificate)).Bounded());

        Assert.Contains("it refused the client certificate 'CN=cp001, O=Test CPO'", refused.Message, StringComparison.Ordinal);

        // One attempt is one handshake: the HTTP stack does not dial again behind the reconnect policy's back.
        var refusal = Assert.Single(
            _csms.Logs.GetSnapshot(),
            r => r.Message.Contains("its client certificate 'CN=cp001, O=Test CPO' does not check out: it does not chain to a trusted root certificate", StringComparison.Ordinal));
        Assert.StartsWith("Refused the TLS handshake of 127.0.0.1:", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_expired_client_certificate()
    {
        using var certificate = TestCertificates.ExpiredChargePoint(_authority);

        await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(Options(certificate)).Bounded());

        Assert.True(_csms.Logged("'CN=cp001, O=Test CPO' expired on "));
    }

    [Fact]
    public async Task Refuses_a_server_certificate_presented_as_a_client_certificate()
    {
        // Its extended key usage is TLS server authentication only.
        using var certificate = TestCertificates.Server(_authority, "cp001");

        await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(Options(certificate)).Bounded());

        Assert.True(_csms.Logged("it is not issued for this use (extended key usage)"));
    }

    [Fact]
    public async Task A_refused_station_leaves_the_central_system_serving_the_next_one()
    {
        using var stranger = TestCertificates.Authority("Some Other CA");
        using var foreign = TestCertificates.ChargePoint(stranger);
        await Assert.ThrowsAsync<TlsHandshakeException>(() => OcppWebSocketClient.ConnectAsync(Options(foreign)).Bounded());
        using var certificate = TestCertificates.ChargePoint(_authority);

        await using var transport = await OcppWebSocketClient.ConnectAsync(Options(certificate)).Bounded();

        Assert.True((await _csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
    }

    [Fact]
    public async Task Beside_Basic_passwords_a_certificate_is_optional_and_a_station_with_one_needs_no_password()
    {
        // Profile 2 (Basic over TLS) and profile 3 (client certificate) on one endpoint: a station migrating upwards.
        await using var both = await TestCentralSystem.StartAsync(new CentralSystemOptions
        {
            ServerCertificate = _serverCertificate,
            ClientCertificateAuthorities = TestCertificates.Roots(_authority.Certificate),
            ClientCertificateRequired = false,
            BasicAuthPasswords = new Dictionary<string, string> { ["cp001"] = "0123456789abcdef" },
        });
        using var certificate = TestCertificates.ChargePoint(_authority);

        await using (await OcppWebSocketClient.ConnectAsync(Options(certificate) with { CentralSystemUri = both.Server.Endpoint }).Bounded())
        {
            Assert.True((await both.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
        }

        var withPassword = Options(certificate: null) with { CentralSystemUri = both.Server.Endpoint, BasicAuthPassword = "0123456789abcdef" };
        await using (await OcppWebSocketClient.ConnectAsync(withPassword).Bounded())
        {
        }

        var neither = Options(certificate: null) with { CentralSystemUri = both.Server.Endpoint };
        var refused = await Assert.ThrowsAsync<AuthenticationRefusedException>(() => OcppWebSocketClient.ConnectAsync(neither).Bounded());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private WebSocketClientOptions Options(X509Certificate2? certificate) => new()
    {
        CentralSystemUri = _csms.Server.Endpoint,
        ChargePointId = "cp001",
        TrustedRootCertificates = TestCertificates.Roots(_authority.Certificate),
        ClientCertificate = certificate,
    };
}
