using System.Net;
using System.Net.WebSockets;
using System.Text;
using CentralSystem.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Transport;
using Xunit;

namespace CentralSystem.Tests;

public sealed class SecurityTests
{
    private static readonly Dictionary<string, string> Passwords = new() { ["cp001"] = "0123456789abcdef" };

    [Fact]
    public async Task Basic_auth_accepts_the_charge_point_with_its_password()
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { BasicAuthPasswords = Passwords });
        var options = new WebSocketClientOptions { CentralSystemUri = csms.Server.Endpoint, ChargePointId = "cp001", BasicAuthPassword = "0123456789abcdef" };

        await using var transport = await OcppWebSocketClient.ConnectAsync(options).Bounded();

        Assert.True((await csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
    }

    [Theory]
    [InlineData("cp001", "wrong", "wrong password")]
    [InlineData("cp001", null, "no HTTP Basic credentials")]
    [InlineData("cp999", "0123456789abcdef", "the charge point id is not known")]
    public async Task Basic_auth_refuses_wrong_or_missing_credentials_with_401(string chargePointId, string? password, string problem)
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { BasicAuthPasswords = Passwords });
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("ocpp1.6");
        if (password is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{chargePointId}:{password}")));
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(OcppWebSocketClient.BuildEndpoint(csms.Server.Endpoint, chargePointId), CancellationToken.None).Bounded());

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.True(csms.Logged($"Refused station {chargePointId} with 401: {problem}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait("Cert", "TC_085_CS")]
    public async Task Wrong_basic_password_is_a_typed_refusal_that_never_shows_the_password(bool overTls)
    {
        using var authority = Station.Testing.TestCertificates.Authority();
        using var certificate = Station.Testing.TestCertificates.Server(authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { BasicAuthPasswords = Passwords, ServerCertificate = overTls ? certificate : null });
        const string Wrong = "not-the-password-0123";
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = csms.Server.Endpoint,
            ChargePointId = "cp001",
            BasicAuthPassword = Wrong,
            TrustedRootCertificates = overTls ? Station.Testing.TestCertificates.Roots(authority.Certificate) : null,
        };

        var refused = await Assert.ThrowsAsync<AuthenticationRefusedException>(() => OcppWebSocketClient.ConnectAsync(options).Bounded());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("it did not accept the HTTP Basic credentials", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("BasicAuthPassword = (password hidden)", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(csms.Logs.GetSnapshot(), r => r.Message.Contains(Wrong, StringComparison.Ordinal) || r.Message.Contains(Passwords["cp001"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_basic_password_is_a_typed_refusal_that_says_none_is_configured()
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { BasicAuthPasswords = Passwords });

        var refused = await Assert.ThrowsAsync<AuthenticationRefusedException>(
            () => OcppWebSocketClient.ConnectAsync(new WebSocketClientOptions { CentralSystemUri = csms.Server.Endpoint, ChargePointId = "cp001" }).Bounded());

        Assert.Contains("it requires authentication, and no HTTP Basic password is configured", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_auth_over_tls_connects_with_the_right_password()
    {
        using var authority = Station.Testing.TestCertificates.Authority();
        using var certificate = Station.Testing.TestCertificates.Server(authority);
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { BasicAuthPasswords = Passwords, ServerCertificate = certificate });
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = csms.Server.Endpoint,
            ChargePointId = "cp001",
            BasicAuthPassword = Passwords["cp001"],
            TrustedRootCertificates = Station.Testing.TestCertificates.Roots(authority.Certificate),
        };

        await using var transport = await OcppWebSocketClient.ConnectAsync(options).Bounded();

        Assert.True((await csms.Server.WaitForStationAsync("cp001").Bounded()).IsConnected);
    }

    [Fact]
    public async Task Server_certificate_serves_wss()
    {
        using var certificate = Station.Testing.TestCertificates.SelfSignedForLoopback();
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { ServerCertificate = certificate });
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = csms.Server.Endpoint,
            ChargePointId = "cp001",
            ServerCertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        };

        var transport = await OcppWebSocketClient.ConnectAsync(options).Bounded();
        await using var connection = new RpcConnection(transport, new CallRouter(), new RpcOptions(), TimeProvider.System, NullLogger.Instance);
        var running = connection.RunAsync();

        Assert.Equal("wss", csms.Server.Endpoint.Scheme);
        var answer = await connection.CallAsync(new HeartbeatRequest()).Bounded();
        Assert.Equal(TestCentralSystem.Start, answer.CurrentTime);
        await connection.CloseAsync("done").Bounded();
        await running.Bounded();
    }

    [Fact]
    public async Task An_AuthorizationKey_the_station_accepts_from_the_HTTP_API_is_its_password_from_then_on()
    {
        await using var csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { BasicAuthPasswords = Passwords, EnableHttpApi = true });
        var router = new CallRouter().Handle(OcppActions.ChangeConfiguration, (request, _, _) => ValueTask.FromResult(new ChangeConfigurationResponse
        {
            Status = request.Value.Length >= 16 ? ConfigurationStatus.Accepted : ConfigurationStatus.Rejected,
        }));
        await csms.ConnectWithSessionAsync("cp001", router, "0123456789abcdef");

        // Refused by the station: the old password stays.
        var refused = await csms.Api.PostAsync("stations/cp001/calls/ChangeConfiguration", """{"key": "AuthorizationKey", "value": "too-short"}""");
        Assert.Equal("""{"status":"Rejected"}""", refused.Ok().GetRawText());
        Assert.Equal("0123456789abcdef", csms.Server.BasicAuthPasswords!["cp001"]);

        // Accepted: the station comes back with the new one, and is let in with it.
        var accepted = await csms.Api.PostAsync("stations/cp001/calls/ChangeConfiguration", """{"key": "AuthorizationKey", "value": "fedcba9876543210fedcba98"}""");
        Assert.Equal("""{"status":"Accepted"}""", accepted.Ok().GetRawText());
        Assert.Equal("fedcba9876543210fedcba98", csms.Server.BasicAuthPasswords!["cp001"]);
        await using var again = await FakeChargePoint.ConnectAsync(csms.Server.Endpoint, "cp001", password: "fedcba9876543210fedcba98");
        Assert.True(again.IsOpen);
    }
}
