using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CentralSystem.Tls;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Ocpp16.Transport;
using Station.Testing;
using Xunit;

namespace Station.Host.Tests;

/// <summary>The security options of <c>csms</c>: TLS, mutual TLS, HTTP Basic passwords and the test PKI, as a user runs them.</summary>
public sealed class CsmsSecurityCommandTests : IDisposable
{
    private const string Password = "a-secret-password-0042";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _files = new();

    public CsmsSecurityCommandTests()
    {
        TestPki.Write(_files.Path, "CP001", TimeProvider.System);
        File.WriteAllText(Path("empty.pem"), "no PEM here\n");
        using var other = RSA.Create(2048);
        File.WriteAllText(Path("other.key"), other.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path("bad-passwords.txt"), $"# one good, one bad\nCP001=0123456789abcdef\nCP002 {Password}\n");
    }

    public void Dispose() => _files.Dispose();

    // One process per case costs seconds on a loaded machine: one case per kind of mistake.
    [Theory]
    [InlineData("--tls-cert", "missing.pem")]
    [InlineData("--tls-cert", "empty.pem")]
    [InlineData("--tls-cert", "server.pem", "--tls-key", "other.key")]
    [InlineData("--tls-key", "server.key")]
    [InlineData("--client-ca", "ca.pem")]
    [InlineData("--client-cert-optional")]
    [InlineData("--basic-auth", Password)]
    [InlineData("--basic-auth-file", "bad-passwords.txt")]
    public async Task Bad_security_option_exits_with_code_2_and_one_error_line_without_the_password(params string[] arguments)
    {
        var args = arguments.Select(a => File.Exists(Path(a)) || a.EndsWith(".pem", StringComparison.Ordinal) || a.EndsWith(".txt", StringComparison.Ordinal) ? Path(a) : a);
        await using var csms = CommandProcess.Start(["csms", "--port", "0", .. args]);

        var exitCode = await csms.WaitForExitAsync(ProcessTimeout);

        Assert.Equal(2, exitCode);
        var error = Assert.Single(csms.Stderr);
        Assert.StartsWith("error: --", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error, StringComparison.Ordinal);
        Assert.Empty(csms.Stdout);
    }

    [Fact]
    public async Task Generate_test_pki_writes_pem_files_with_owner_only_keys_and_never_overwrites()
    {
        var directory = Path("pki");
        await using (var generate = CommandProcess.Start("csms", "--generate-test-pki", directory))
        {
            Assert.Equal(0, await generate.WaitForExitAsync(ProcessTimeout));
            Assert.Contains(generate.Stdout, line => line.Contains("--tls-cert", StringComparison.Ordinal) && line.Contains("--client-ca", StringComparison.Ordinal));
        }

        Assert.Equal(TestPki.FileNames.Order(StringComparer.Ordinal), Directory.GetFiles(directory).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var key in Directory.GetFiles(directory, "*.key"))
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }

            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
        }

        using var server = X509Certificate2.CreateFromPemFile(System.IO.Path.Combine(directory, "server.pem"), System.IO.Path.Combine(directory, "server.key"));
        using var chargePoint = X509CertificateLoader.LoadCertificateFromFile(System.IO.Path.Combine(directory, "chargepoint.pem"));
        Assert.Equal("CN=localhost", server.Subject);
        Assert.Equal("CN=CP001, O=OCPP Test CPO", chargePoint.Subject);

        // The certification tool expects SHA256withRSA, not RSA-PSS (pitfall 4).
        Assert.Equal("sha256RSA", server.SignatureAlgorithm.FriendlyName);

        await using var again = CommandProcess.Start("csms", "--generate-test-pki", directory);
        Assert.Equal(2, await again.WaitForExitAsync(ProcessTimeout));
        Assert.Contains("exists already", Assert.Single(again.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Cert", "TC_087_CS")]
    [Trait("Pitfall", "4")]
    public async Task Csms_with_the_test_pki_in_crlf_pem_serves_profile_3_with_basic_auth()
    {
        foreach (var name in new[] { "server.pem", "server.key", "ca.pem" })
        {
            File.WriteAllText(Path(name), TestCertificates.CrlfPem(File.ReadAllText(Path(name))));
        }

        File.WriteAllText(Path("passwords.txt"), $"# security profile 2 and 3 stations\r\nCP001={Password}\r\n");
        await using var csms = CommandProcess.Start(
            "csms", "--port", "0", "--tls-cert", Path("server.pem"), "--tls-key", Path("server.key"), "--client-ca", Path("ca.pem"), "--basic-auth-file", Path("passwords.txt"));
        var listening = await csms.WaitForLineAsync(l => l.StartsWith("csms listening on ", StringComparison.Ordinal), ProcessTimeout);
        Assert.Contains("client certificates of CN=OCPP Test CA (throw-away) required; HTTP Basic auth for 1 charge point", listening, StringComparison.Ordinal);
        var endpoint = new Uri(listening["csms listening on ".Length..].Split(' ')[0]);
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(Path("ca.pem"));
        using var certificate = X509Certificate2.CreateFromPemFile(Path("chargepoint.pem"), Path("chargepoint.key"));

        await using (var transport = await OcppWebSocketClient.ConnectAsync(new WebSocketClientOptions
        {
            CentralSystemUri = endpoint,
            ChargePointId = "CP001",
            TrustedRootCertificates = roots,
            ClientCertificate = certificate,
            BasicAuthPassword = Password,
        }).OrTimeout())
        {
            await using var connection = new RpcConnection(transport, new CallRouter(), new RpcOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            var running = connection.RunAsync();
            var boot = await connection.CallAsync(new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" }).OrTimeout();
            Assert.Equal(RegistrationStatus.Accepted, boot.Status);
            await connection.CloseAsync("done").OrTimeout();
            await running.OrTimeout();
        }

        await csms.TerminateAsync();
        Assert.Equal(0, await csms.WaitForExitAsync(ProcessTimeout));
        Assert.DoesNotContain(csms.Stdout.Concat(csms.Stderr), line => line.Contains(Password, StringComparison.Ordinal));
    }

    private string Path(string name) => System.IO.Path.Combine(_files.Path, name);
}
