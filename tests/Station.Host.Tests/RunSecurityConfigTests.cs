using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using CentralSystem;
using CentralSystem.Tls;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.Host.Tests;

/// <summary>
/// The <c>run --config</c> security section of the station-control contract, as a process against a
/// built-in Central System with real TLS: relative paths, profiles 2 and 3, what the Central System
/// sets later winning over the file, a profile that does not fit the URL, and no secret on any output.
/// </summary>
public sealed class RunSecurityConfigTests(ITestOutputHelper output) : IDisposable
{
    private const string Password = "0123456789abcdef0123456789abcdef";
    private const string NewPassword = "fedcba9876543210fedcba9876543210";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private readonly TempDirectory _directory = new();
    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("Run Test CA", Now.AddDays(-1), Now.AddDays(30), TestKeyAlgorithm.EcdsaP256);

    [Fact]
    public async Task A_profile_that_does_not_fit_the_url_exits_2_with_one_line()
    {
        var config = WriteConfig("ws://127.0.0.1:9/ocpp", profile: 2, client: false);
        await using var station = CommandProcess.Start("run", "--config", config, "--data-dir", Path.Combine(_directory.Path, "data"));

        Assert.Equal(2, await station.WaitForExitAsync(ProcessTimeout));
        var line = Assert.Single(station.Stderr);
        Assert.StartsWith("error: SecurityProfile 2 needs a wss:// Central System URL", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_2_connects_with_the_configured_root_and_password_and_a_changed_password_wins_after_a_restart()
    {
        using var serverCertificate = _authority.IssueServerCertificate(["127.0.0.1"], Now.AddDays(-1), Now.AddDays(20));
        await using var csms = await CentralSystemServer.StartAsync(
            new CentralSystemOptions { ServerCertificate = serverCertificate, BasicAuthPasswords = new Dictionary<string, string> { ["SEC-2"] = Password } },
            NullLoggerFactory.Instance,
            TimeProvider.System).OrTimeout();
        var config = WriteConfig(csms.Endpoint.ToString(), profile: 2, client: false);
        var data = Path.Combine(_directory.Path, "data");
        var started = Stopwatch.StartNew();
        StationSession? last;
        await using (var station = CommandProcess.Start("run", "--config", config, "--id", "SEC-2", "--data-dir", data))
        {
            var session = await csms.WaitForStationAsync("SEC-2", s => s.IsConnected).WaitAsync(ProcessTimeout, TimeProvider.System);
            output.WriteLine($"process start to TLS session: {started.ElapsedMilliseconds} ms");
            Assert.Equal("SEC-2", session.Security.BasicAuthUser);
            Assert.NotNull(session.Security.TlsProtocol);
            await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();

            csms.SetBasicAuthPassword("SEC-2", NewPassword);
            var changed = Stopwatch.StartNew();
            var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = "AuthorizationKey", Value = NewPassword }).OrTimeout();
            Assert.Equal(ConfigurationStatus.Accepted, answer.Status);
            var again = await csms.WaitForStationAsync("SEC-2", s => s != session && s.IsConnected).WaitAsync(ProcessTimeout, TimeProvider.System);
            last = again;
            output.WriteLine($"ChangeConfiguration AuthorizationKey answered to the new TLS session: {changed.ElapsedMilliseconds} ms");
            Assert.True(changed.Elapsed < TimeSpan.FromSeconds(30));
            await station.TerminateAsync();
            Assert.Equal(0, await station.WaitForExitAsync(ProcessTimeout));
            AssertNoSecret(station, data, Password, NewPassword);
        }

        // The password the Central System set is persisted and wins over the file's.
        await using (var restarted = CommandProcess.Start("run", "--config", config, "--id", "SEC-2", "--data-dir", data))
        {
            var session = await csms.WaitForStationAsync("SEC-2", s => s.IsConnected && s != last)
                .WaitAsync(ProcessTimeout, TimeProvider.System);
            await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
            await restarted.TerminateAsync();
            Assert.Equal(0, await restarted.WaitForExitAsync(ProcessTimeout));
            AssertNoSecret(restarted, data, Password, NewPassword);
        }
    }

    [Fact]
    public async Task Profile_3_connects_with_the_configured_client_certificate_and_never_prints_its_key()
    {
        using var serverCertificate = _authority.IssueServerCertificate(["127.0.0.1"], Now.AddDays(-1), Now.AddDays(20));
        await using var csms = await CentralSystemServer.StartAsync(
            new CentralSystemOptions { ServerCertificate = serverCertificate, ClientCertificateAuthorities = [_authority.Certificate] },
            NullLoggerFactory.Instance,
            TimeProvider.System).OrTimeout();
        var config = WriteConfig(csms.Endpoint.ToString(), profile: 3, client: true);
        var data = Path.Combine(_directory.Path, "data");
        await using var station = CommandProcess.Start("run", "--config", config, "--id", "SEC-3", "--data-dir", data);

        var session = await csms.WaitForStationAsync("SEC-3", s => s.IsConnected).WaitAsync(ProcessTimeout, TimeProvider.System);
        Assert.Contains("CN=TSCT2007CP-0001", session.Security.ClientCertificateSubject, StringComparison.Ordinal);
        await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        var ids = await session.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate }).OrTimeout();
        Assert.Single(ids.CertificateHashData!);
        await station.TerminateAsync();
        Assert.Equal(0, await station.WaitForExitAsync(ProcessTimeout));

        var key = await File.ReadAllTextAsync(Path.Combine(_directory.Path, "cp.key"));
        var keyBody = key.Split('\n')[1];
        AssertNoSecret(station, data, keyBody);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "station.db")));
        }
    }

    public void Dispose()
    {
        _authority.Dispose();
        _directory.Dispose();
    }

    // "Never logged": stdout, stderr and every log or trace file in the data directory (the database holds the key by design).
    private static void AssertNoSecret(CommandProcess station, string data, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(station.Stdout, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(station.Stderr, l => l.Contains(secret, StringComparison.Ordinal));
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("station.db", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(secret, File.ReadAllText(file), StringComparison.Ordinal);
            }
        }
    }

    // The contract's file, with paths relative to it.
    private string WriteConfig(string url, int profile, bool client)
    {
        File.WriteAllText(Path.Combine(_directory.Path, "csms-root.pem"), _authority.Certificate.ExportCertificatePem());
        if (client)
        {
            using var certificate = _authority.IssueChargePointCertificate("TSCT2007CP-0001", "Test CPO", Now.AddDays(-1), Now.AddDays(20));
            File.WriteAllText(Path.Combine(_directory.Path, "cp.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_directory.Path, "cp.key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        var security = client
            ? """{ "csmsRootCertificates": ["csms-root.pem"], "clientCertificate": "cp.pem", "clientKey": "cp.key" }"""
            : """{ "csmsRootCertificates": ["csms-root.pem"] }""";
        var path = Path.Combine(_directory.Path, "station.json");
        File.WriteAllText(path, $$"""
            {
              "csmsUrl": "{{url}}",
              "configuration": {
                "SecurityProfile": { "value": "{{profile}}" },
                "AuthorizationKey": { "value": "{{Password}}" }
              },
              "security": {{security}}
            }
            """);
        return path;
    }
}
