using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Configuration;
using Station.Security.Certificates;

namespace Station.Host.Run;

/// <summary>
/// Reads the certificates of the configuration file's <c>security</c> section, relative to the file,
/// and checks them at start (one line naming the field and file, never key material).
/// </summary>
internal static class SecurityConfigLoader
{
    public static CertificateProvisioning? Load(string configPath, SecurityConfig? security)
    {
        if (security is null)
        {
            return null;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var roots = new List<string>();
        foreach (var (file, index) in (security.CsmsRootCertificates ?? []).Select((f, i) => (f, i)))
        {
            var where = $"{configPath}: security.csmsRootCertificates[{index}]";
            var pem = Read(directory, file, where);
            try
            {
                CertificateService.ParseAll(pem);
            }
            catch (CryptographicException ex)
            {
                throw new ModelException($"{where} '{file}': {OneLine(ex.Message)}");
            }

            roots.Add(pem);
        }

        if ((security.ClientCertificate is null) != (security.ClientKey is null))
        {
            throw new ModelException($"{configPath}: security.clientCertificate and security.clientKey go together");
        }

        string? certificatePem = null;
        string? keyPem = null;
        if (security.ClientCertificate is { } certificateFile && security.ClientKey is { } keyFile)
        {
            certificatePem = Read(directory, certificateFile, $"{configPath}: security.clientCertificate");
            keyPem = Read(directory, keyFile, $"{configPath}: security.clientKey");
            try
            {
                using var withKey = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            }
            catch (CryptographicException)
            {
                throw new ModelException($"{configPath}: security.clientKey '{keyFile}' is not an unencrypted PEM private key of the certificate in '{certificateFile}'");
            }
        }

        return new CertificateProvisioning { CentralSystemRootPems = roots, ClientCertificatePem = certificatePem, ClientKeyPem = keyPem };
    }

    private static string Read(string directory, string file, string where)
    {
        var path = Path.Combine(directory, file);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelException($"{where} '{file}': {OneLine(ex.Message)}");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
