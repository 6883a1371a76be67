using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CentralSystem;
using CentralSystem.Tls;

namespace Station.Host.Csms;

/// <summary>
/// The security options of <c>csms</c> (security whitepaper profiles): a TLS certificate for
/// <c>wss://</c>, a client CA for mutual TLS, HTTP Basic passwords, and a throw-away test PKI. Bad
/// input is a <see cref="UsageException"/> naming the option and the file, never a password.
/// </summary>
internal static class CsmsSecurity
{
    public static readonly Option<FileInfo> TlsCertificate = new("--tls-cert")
    {
        Description = "PEM certificate of the Central System (then its sub-CAs, if any): serve wss:// (security profiles 2 and 3)",
    };

    public static readonly Option<FileInfo> TlsKey = new("--tls-key")
    {
        Description = "PEM private key of --tls-cert (PKCS #8, RSA or EC, unencrypted); default: the key in the --tls-cert file",
    };

    public static readonly Option<FileInfo> ClientCa = new("--client-ca")
    {
        Description = "PEM CA certificate(s): every station must present a client certificate signed by one (security profile 3); needs --tls-cert",
    };

    public static readonly Option<bool> ClientCertOptional = new("--client-cert-optional")
    {
        Description = "With --client-ca: stations without a client certificate are let in too (profile 2 with --basic-auth beside profile 3), "
            + "to try a SecurityProfile upgrade from 2 to 3; a certificate that is presented is still checked",
    };

    public static readonly Option<string[]> BasicAuth = new("--basic-auth")
    {
        Description = "ID=PASSWORD: HTTP Basic password of a charge point (security profiles 1 and 2); repeat for more. Stations not listed are refused",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<FileInfo> BasicAuthFile = new("--basic-auth-file")
    {
        Description = "A file of ID=PASSWORD lines (blank lines and # comments ignored), like --basic-auth but kept out of the process list",
    };

    public static readonly Option<DirectoryInfo> GenerateTestPki = new("--generate-test-pki")
    {
        Description = "Write a throw-away CA, a server certificate for localhost/127.0.0.1 and a charge point certificate for CP001 (PEM) into DIR, and exit",
    };

    public static IEnumerable<Option> All => [TlsCertificate, TlsKey, ClientCa, ClientCertOptional, BasicAuth, BasicAuthFile, GenerateTestPki];

    /// <summary>The options with the security settings of <paramref name="parse"/> applied.</summary>
    public static CentralSystemOptions Apply(ParseResult parse, CentralSystemOptions options)
    {
        var certificateFile = parse.GetValue(TlsCertificate);
        var keyFile = parse.GetValue(TlsKey);
        var clientCaFile = parse.GetValue(ClientCa);
        if (certificateFile is null && keyFile is not null)
        {
            throw new UsageException("--tls-key needs --tls-cert: the certificate it belongs to");
        }

        if (certificateFile is null && clientCaFile is not null)
        {
            throw new UsageException("--client-ca needs --tls-cert: client certificates are part of TLS (wss://)");
        }

        var optional = parse.GetValue(ClientCertOptional);
        if (optional && clientCaFile is null)
        {
            throw new UsageException("--client-cert-optional needs --client-ca: the CA whose client certificates are checked when presented");
        }

        var passwords = Passwords(parse.GetValue(BasicAuth) ?? [], parse.GetValue(BasicAuthFile));
        if (certificateFile is null)
        {
            return options with { BasicAuthPasswords = passwords };
        }

        var (certificate, chain) = ServerCertificate(certificateFile, keyFile);
        return options with
        {
            BasicAuthPasswords = passwords,
            ServerCertificate = certificate,
            ServerCertificateChain = chain,
            ClientCertificateAuthorities = clientCaFile is null ? null : Certificates(clientCaFile, "--client-ca"),
            ClientCertificateRequired = !optional,
        };
    }

    /// <summary>Writes the test PKI of <c>--generate-test-pki</c> and says what it wrote.</summary>
    public static async Task<int> WriteTestPkiAsync(DirectoryInfo directory, TextWriter output)
    {
        IReadOnlyList<string> written;
        try
        {
            written = TestPki.Write(directory.FullName, "CP001", TimeProvider.System);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--generate-test-pki: {ex.Message}");
        }

        var path = (string name) => Path.Combine(directory.FullName, name);
        await output.WriteLineAsync($"wrote a throw-away test PKI to {directory.FullName} (valid for a year; for trying security profiles 2 and 3, never for production):");
        foreach (var file in written)
        {
            await output.WriteLineAsync($"  {file}{(file.EndsWith(".key", StringComparison.Ordinal) ? "  (private key, owner-only)" : string.Empty)}");
        }

        await output.WriteLineAsync("the station trusts ca.pem; chargepoint.pem/.key is its profile 3 client certificate (CN=CP001). Serve it with:");
        await output.WriteLineAsync($"  csms --tls-cert {path("server.pem")} --tls-key {path("server.key")} --client-ca {path("ca.pem")}");
        return 0;
    }

    /// <summary>A few words for the listening line: which profiles the Central System serves.</summary>
    public static string Describe(CentralSystemOptions options)
    {
        var parts = new List<string>();
        if (options.ServerCertificate is { } certificate)
        {
            parts.Add($"TLS 1.2+ with {certificate.Subject}");
        }

        if (options.ClientCertificateAuthorities is { } authorities)
        {
            var required = options.ClientCertificateRequired ? "required" : "checked when presented";
            parts.Add($"client certificates of {string.Join(", ", authorities.Select(a => a.Subject))} {required}");
        }

        if (options.BasicAuthPasswords is { } passwords)
        {
            parts.Add($"HTTP Basic auth for {passwords.Count} charge point{(passwords.Count == 1 ? string.Empty : "s")}");
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join("; ", parts)})";
    }

    private static (X509Certificate2 Certificate, X509Certificate2Collection? Chain) ServerCertificate(FileInfo certificateFile, FileInfo? keyFile)
    {
        var certificates = Certificates(certificateFile, "--tls-cert");
        var certificatePem = Read(certificateFile, "--tls-cert");
        var keyPem = keyFile is null ? certificatePem : Read(keyFile, "--tls-key");
        X509Certificate2 loaded;
        try
        {
            // The first certificate is the Central System's; the key must be its.
            loaded = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException)
        {
            throw new UsageException(keyFile is null
                ? $"--tls-cert '{certificateFile.Name}' holds no private key for its certificate; give it with --tls-key FILE"
                : $"--tls-key '{keyFile.Name}' holds no unencrypted private key (PKCS #8, RSA or EC PEM) that matches the certificate of --tls-cert '{certificateFile.Name}'");
        }

        using (loaded)
        {
            // An exportable key that TLS stacks accept on every platform (ephemeral keys fail on Windows).
            var certificate = X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), password: null);
            X509Certificate2Collection chain = [.. certificates.Skip(1)];
            return (certificate, chain.Count == 0 ? null : chain);
        }
    }

    private static X509Certificate2Collection Certificates(FileInfo file, string option)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            // PemEncoding reads CRLF line endings as well (pitfall 4).
            certificates.ImportFromPem(Read(file, option));
        }
        catch (CryptographicException)
        {
            throw new UsageException($"{option} '{file.Name}' holds a CERTIFICATE block that is not a valid X.509 certificate");
        }

        return certificates.Count > 0
            ? certificates
            : throw new UsageException($"{option} '{file.Name}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    private static string Read(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{file.FullName}' cannot be read: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static Dictionary<string, string>? Passwords(IReadOnlyList<string> values, FileInfo? file)
    {
        if (values.Count == 0 && file is null)
        {
            return null;
        }

        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            Add(passwords, value, "--basic-auth");
        }

        if (file is not null)
        {
            var lines = Read(file, "--basic-auth-file").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    Add(passwords, line, $"--basic-auth-file '{file.Name}' line {i + 1}");
                }
            }
        }

        return passwords;
    }

    // The messages name the charge point, never the password.
    private static void Add(Dictionary<string, string> passwords, string entry, string where)
    {
        var separator = entry.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || separator == entry.Length - 1)
        {
            throw new UsageException($"{where}: expected ID=PASSWORD with a charge point id and a password on either side of '='");
        }

        var chargePointId = entry[..separator];
        if (chargePointId.Contains(':', StringComparison.Ordinal))
        {
            // RFC 7617 §2: a Basic user-id cannot contain a colon.
            throw new UsageException($"{where}: charge point id '{chargePointId}' contains ':', which HTTP Basic authentication cannot carry");
        }

        if (!passwords.TryAdd(chargePointId, entry[(separator + 1)..]))
        {
            throw new UsageException($"{where}: charge point id '{chargePointId}' has a password already");
        }
    }
}
