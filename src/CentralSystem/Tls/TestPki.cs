using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralSystem.Tls;

/// <summary>
/// Writes a throw-away PKI as PEM files, for trying security profiles 2 and 3 with the built-in
/// Central System (<c>csms --generate-test-pki DIR</c>): a CA, a server certificate for localhost
/// and 127.0.0.1, and a Charge Point certificate. Private keys are readable by their owner only.
/// </summary>
public static class TestPki
{
    /// <summary>The file names written, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["ca.pem", "ca.key", "server.pem", "server.key", "chargepoint.pem", "chargepoint.key"];

    /// <summary>
    /// Writes the files into <paramref name="directory"/> (created if missing), valid for a year from
    /// now; refuses to overwrite any file that exists.
    /// </summary>
    /// <exception cref="IOException">A file exists already, or cannot be written.</exception>
    public static IReadOnlyList<string> Write(string directory, string chargePointId, TimeProvider timeProvider)
    {
        var existing = FileNames.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        if (existing is not null)
        {
            throw new IOException($"{existing} exists already; give an empty directory");
        }

        Directory.CreateDirectory(directory);
        var now = timeProvider.GetUtcNow();

        // A little slack before now: a station whose clock runs behind still accepts the certificates.
        var notBefore = now.AddHours(-1);
        var notAfter = now.AddYears(1);
        using var authority = TestCertificateAuthority.Create("OCPP Test CA (throw-away)", notBefore, notAfter.AddDays(1));
        using var server = authority.IssueServerCertificate(["localhost", "127.0.0.1", "::1"], notBefore, notAfter);
        using var chargePoint = authority.IssueChargePointCertificate(chargePointId, "OCPP Test CPO", notBefore, notAfter);

        var written = new List<string>();
        foreach (var (name, certificate) in new[] { ("ca", authority.Certificate), ("server", server), ("chargepoint", chargePoint) })
        {
            written.Add(WriteFile(directory, name + ".pem", certificate.ExportCertificatePem() + "\n", secret: false));
            written.Add(WriteFile(directory, name + ".key", PrivateKeyPem(certificate) + "\n", secret: true));
        }

        return written;
    }

    private static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException($"{certificate.Subject} has no private key");
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static string WriteFile(string directory, string name, string text, bool secret)
    {
        var path = Path.Combine(directory, name);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the moment the file exists: no window in which the key is world-readable.
            options.UnixCreateMode = secret
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        using var file = new StreamWriter(new FileStream(path, options));
        file.Write(text);
        return path;
    }
}
