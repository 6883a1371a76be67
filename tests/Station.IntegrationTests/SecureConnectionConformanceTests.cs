using System.Security.Authentication;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Security.Connection;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The secure connection cases of the security whitepaper's certification (OCTT, shared/ocpp16/test-cases.md
/// §11: TC_073, TC_083–TC_087), over real TLS on loopback against the built-in Central System.
/// </summary>
public sealed class SecureConnectionConformanceTests(ITestOutputHelper output)
{
    // TC_073's value: the hex of the ASCII text OCA_OCTT_admin_test; the password is the key as configured.
    private const string NewKey = "4F43415F4F4354545F61646D696E5F74657374";

    [Fact]
    [Trait("Cert", "TC_073_CS")]
    public async Task TC_073_CS_Update_charge_point_password_for_HTTP_basic_authentication()
    {
        using var secure = new SecureStation(profile: 1);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();

        // The Central System knows the new password before it sends it, as a real one would.
        harness.Csms.SetBasicAuthPassword(secure.ChargePointId, NewKey);
        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.AuthorizationKey, Value = NewKey }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Accepted, answer.Status);

        // It closes the connection itself and reconnects with the new password, without a reboot.
        var reconnected = await SecureStation.ReconnectedAsync(harness, session);
        Assert.Equal(secure.ChargePointId, reconnected.Security.BasicAuthUser);
        Assert.Equal(1, harness.Instances);

        // Write-only: GetConfiguration lists the key without its value.
        var read = await reconnected.CallAsync(new GetConfigurationRequest { Key = [SecurityKeys.AuthorizationKey] }).OrTimeout();
        Assert.Null(Assert.Single(read.ConfigurationKey!).Value);
        await secure.Events.WaitForAsync(SecurityEventTypes.ReconfigurationOfSecurityParameters);
        AssertNeverWritten(harness, NewKey, SecureStation.Password);
    }

    [Fact]
    [Trait("Cert", "TC_085_CS")]
    public async Task TC_085_CS_Basic_authentication_valid_username_and_password()
    {
        using var secure = new SecureStation(profile: 1);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();

        // The Central System checked Authorization: Basic base64("<id>:<key>") and let it in (401 otherwise).
        Assert.Equal(secure.ChargePointId, session.Security.BasicAuthUser);
        Assert.Null(session.Security.TlsProtocol);
        AssertNeverWritten(harness, SecureStation.Password);
    }

    [Fact]
    [Trait("Cert", "TC_086_CS")]
    public async Task TC_086_CS_TLS_server_side_certificate_valid_certificate()
    {
        using var secure = new SecureStation(profile: 2);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();

        Assert.Contains(session.Security.TlsProtocol, new SslProtocols?[] { SslProtocols.Tls12, SslProtocols.Tls13 });
        Assert.Contains(session.Security.CipherSuite!.Value, Ocpp16.Transport.TlsPolicy.CipherSuites);
        Assert.Equal(secure.ChargePointId, session.Security.BasicAuthUser);
        Assert.Null(session.Security.ClientCertificateSubject);
    }

    [Fact]
    [Trait("Cert", "TC_087_CS")]
    public async Task TC_087_CS_TLS_client_side_certificate_valid_certificate()
    {
        using var secure = new SecureStation(profile: 3);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine));
        var session = await harness.BootAsync();

        Assert.Contains(session.Security.TlsProtocol, new SslProtocols?[] { SslProtocols.Tls12, SslProtocols.Tls13 });
        Assert.Contains("CN=TSCT2007CP-0001", session.Security.ClientCertificateSubject, StringComparison.Ordinal);
        Assert.Equal(secure.ClientCertificate.SerialNumber, session.Security.ClientCertificateSerialNumber);

        // Profile 3 authenticates with the certificate: no Basic header is needed (the Central System checks none here).
        Assert.Null(session.Security.BasicAuthUser);
    }

    [Fact]
    [Trait("Cert", "TC_083_CS")]
    public async Task TC_083_CS_Upgrade_security_profile()
    {
        using var secure = new SecureStation(profile: 2);
        var options = secure.UpgradeOptions(output.WriteLine, secure.Authority);
        await using var harness = await StationHarness.StartAsync(options);
        var session = await harness.BootAsync();
        await session.FenceAsync();
        Assert.Null(session.Security.ClientCertificateSubject);

        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.SecurityProfile, Value = "3" }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Accepted, answer.Status);

        var reconnected = await SecureStation.ReconnectedAsync(harness, session);
        Assert.Equal(secure.ClientCertificate.SerialNumber, reconnected.Security.ClientCertificateSerialNumber);
        var read = await reconnected.CallAsync(new GetConfigurationRequest { Key = [SecurityKeys.SecurityProfile] }).OrTimeout();
        Assert.Equal("3", Assert.Single(read.ConfigurationKey!).Value);
        Assert.Equal(1, harness.Instances);
    }

    [Fact]
    public async Task A_new_profile_that_cannot_connect_falls_back_to_the_previous_one()
    {
        using var secure = new SecureStation(profile: 2);
        using var otherAuthority = TestCertificates.Authority("Another CA");

        // The Central System trusts client certificates of another CA only: profile 3 cannot get in, profile 2 can.
        var options = secure.UpgradeOptions(output.WriteLine, otherAuthority);
        await using var harness = await StationHarness.StartAsync(options);
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.SecurityProfile, Value = "3" }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Accepted, answer.Status);

        var reconnected = await SecureStation.ReconnectedAsync(harness, session, maxAttempts: 20);
        Assert.Null(reconnected.Security.ClientCertificateSubject);
        var read = await reconnected.CallAsync(new GetConfigurationRequest { Key = [SecurityKeys.SecurityProfile] }).OrTimeout();
        Assert.Equal("2", Assert.Single(read.ConfigurationKey!).Value);
        await secure.Events.WaitForAsync(SecurityEventTypes.FailedToAuthenticateAtCentralSystem);
    }

    [Fact]
    [Trait("Cert", "TC_084_CS")]
    public async Task TC_084_CS_Downgrade_security_profile_rejected()
    {
        using var secure = new SecureStation(profile: 2);
        await using var harness = await StationHarness.StartAsync(secure.Options(output.WriteLine, provisionClientCertificate: false));
        var session = await harness.BootAsync();
        await session.FenceAsync();

        foreach (var value in new[] { "1", "0", "2" })
        {
            var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.SecurityProfile, Value = value }).OrTimeout();
            Assert.Equal(ConfigurationStatus.Rejected, answer.Status);
        }

        // Profile 3 without a charge point certificate cannot work either.
        var three = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.SecurityProfile, Value = "3" }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Rejected, three.Status);

        await session.FenceAsync();
        Assert.True(session.IsConnected);
        var read = await session.CallAsync(new GetConfigurationRequest { Key = [SecurityKeys.SecurityProfile] }).OrTimeout();
        Assert.Equal("2", Assert.Single(read.ConfigurationKey!).Value);
    }

    // "Never logged": no log line of the station, no line of its trace file holds a secret.
    internal static void AssertNeverWritten(StationHarness harness, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(harness.Logs.Entries, e => e.Category.StartsWith("Station", StringComparison.Ordinal) && e.ToString().Contains(secret, StringComparison.Ordinal));
            foreach (var file in Directory.EnumerateFiles(harness.Trace.Directory))
            {
                using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
                Assert.DoesNotContain(secret, reader.ReadToEnd(), StringComparison.Ordinal);
            }
        }
    }
}
