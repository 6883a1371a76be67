using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Security.Certificates;

/// <summary>
/// The certificate store of the station (security whitepaper, certificate management): the installed
/// CentralSystemRootCertificates and ManufacturerRootCertificates, and the charge point certificate
/// with its key. Loaded with System.Security.Cryptography only; PEM with CRLF line endings is read as
/// well (pitfall 4). Validity is checked against the wall clock, the clock the TLS stack checks
/// certificates with, so that what is installed here is what a handshake accepts.
/// </summary>
public sealed class CertificateService : IManufacturerRoots
{
    private readonly Lock _gate = new();
    private readonly ICertificateStore _store;
    private readonly IStationConfiguration _configuration;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Func<ISecurityEvents?> _events;
    private List<StoredCertificate> _rows;
    private X509Certificate2Collection? _centralSystemRoots;
    private (X509Certificate2 Certificate, X509Certificate2Collection Chain)? _clientCertificate;
    private bool _clientCertificateLoaded;

    /// <summary>Loads the store.</summary>
    /// <param name="store">Where the certificates are persisted.</param>
    /// <param name="configuration">The station's configuration (CertificateStoreMaxLength, AdditionalRootCertificateCheck).</param>
    /// <param name="clock">The station clock: installation times.</param>
    /// <param name="logger">Where the block logs (subjects and fingerprints, never a key).</param>
    /// <param name="events">The security events, if the station has the security log.</param>
    public CertificateService(ICertificateStore store, IStationConfiguration configuration, TimeProvider clock, ILogger logger, Func<ISecurityEvents?> events)
    {
        _store = store;
        _configuration = configuration;
        _clock = clock;
        _logger = logger;
        _events = events;
        _rows = [.. store.Load()];
    }

    /// <summary>Raised after a CertificateSigned replaced the charge point certificate (after its answer).</summary>
    public event Action? ChargePointCertificateReplaced;

    /// <summary>Wall-clock now: certificates are checked as the TLS stack checks them.</summary>
    internal static DateTimeOffset CertificateTime => TimeProvider.System.GetUtcNow();

    /// <summary>Installs what the start-up configuration brings, each certificate once (a tombstone keeps a deleted one out).</summary>
    public void Provision(CertificateProvisioning? provisioning)
    {
        if (provisioning is null)
        {
            return;
        }

        foreach (var pem in provisioning.CentralSystemRootPems)
        {
            foreach (var certificate in ParseAll(pem))
            {
                using (certificate)
                {
                    if (!Known(CertificateUses.CentralSystemRoot, CertificateHashes.Fingerprint(certificate)))
                    {
                        Add(CertificateUses.CentralSystemRoot, certificate, certificate.ExportCertificatePem(), null, "the start-up configuration");
                    }
                }
            }
        }

        if (provisioning.ClientCertificatePem is { } certificatePem && provisioning.ClientKeyPem is { } keyPem)
        {
            var chain = ParseAll(certificatePem);
            try
            {
                var leaf = chain[0];
                if (!Known(CertificateUses.ChargePoint, CertificateHashes.Fingerprint(leaf)))
                {
                    // Fails here, at start, if the key is not the certificate's.
                    using var withKey = X509Certificate2.CreateFromPem(certificatePem, keyPem);
                    ReplaceChargePointCertificate(leaf, Pem(chain), ExportKey(withKey), "the start-up configuration");
                }
            }
            finally
            {
                foreach (var certificate in chain)
                {
                    certificate.Dispose();
                }
            }
        }
    }

    /// <summary>The installed CentralSystemRootCertificates: the only roots the Central System's TLS certificate may chain to.</summary>
    public X509Certificate2Collection CentralSystemRoots()
    {
        lock (_gate)
        {
            return _centralSystemRoots ??= [.. Live(CertificateUses.CentralSystemRoot).Select(r => X509CertificateLoader.LoadCertificate(Der(r.Pem!)))];
        }
    }

    /// <summary>The installed ManufacturerRootCertificates: the roots a signed firmware's signing certificate must chain to.</summary>
    public IReadOnlyList<X509Certificate2> ManufacturerRootCertificates()
    {
        lock (_gate)
        {
            return [.. Live(CertificateUses.ManufacturerRoot).Select(r => X509CertificateLoader.LoadCertificate(Der(r.Pem!)))];
        }
    }

    /// <summary>The charge point certificate with its key and sub-CAs (security profile 3), or null when none is installed.</summary>
    public (X509Certificate2 Certificate, X509Certificate2Collection Chain)? ClientCertificate()
    {
        lock (_gate)
        {
            if (!_clientCertificateLoaded)
            {
                _clientCertificate = LoadClientCertificate();
                _clientCertificateLoaded = true;
            }

            return _clientCertificate;
        }
    }

    /// <summary>InstallCertificate: checks and stores a root certificate.</summary>
    public InstallCertificateStatusEnumType Install(CertificateUseEnumType type, string pem)
    {
        var use = type == CertificateUseEnumType.CentralSystemRootCertificate ? CertificateUses.CentralSystemRoot : CertificateUses.ManufacturerRoot;
        X509Certificate2 certificate;
        try
        {
            var all = ParseAll(pem);
            certificate = all[0];
            foreach (var extra in all.Skip(1))
            {
                extra.Dispose();
            }
        }
        catch (CryptographicException ex)
        {
            return Refuse(use, ex.Message);
        }

        using (certificate)
        {
            var now = CertificateTime;
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            {
                return Refuse(use, $"'{certificate.Subject}' is valid only from {certificate.NotBefore.ToUniversalTime():O} to {certificate.NotAfter.ToUniversalTime():O}");
            }

            if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: false })
            {
                return Refuse(use, $"'{certificate.Subject}' is not a CA certificate (basic constraints)");
            }

            var fingerprint = CertificateHashes.Fingerprint(certificate);
            lock (_gate)
            {
                if (Live(use).Any(r => r.Fingerprint == fingerprint))
                {
                    return InstallCertificateStatusEnumType.Accepted;
                }

                if (Live(CertificateUses.CentralSystemRoot).Count() + Live(CertificateUses.ManufacturerRoot).Count() >= _configuration.GetInt(CertificateKeys.CertificateStoreMaxLength))
                {
                    return Refuse(use, $"the store is full (CertificateStoreMaxLength {_configuration.GetInt(CertificateKeys.CertificateStoreMaxLength)})");
                }
            }

            IReadOnlyList<StoredCertificate> replaced = [];
            if (use == CertificateUses.CentralSystemRoot && _configuration.GetBool(CertificateKeys.AdditionalRootCertificateCheck))
            {
                var roots = CentralSystemRoots();
                if (roots.Count > 0 && !SignedByOneOf(certificate, roots))
                {
                    return Refuse(use, $"'{certificate.Subject}' is not signed by the installed CentralSystemRootCertificate (AdditionalRootCertificateCheck)");
                }

                lock (_gate)
                {
                    replaced = [.. Live(CertificateUses.CentralSystemRoot)];
                }
            }

            Add(use, certificate, certificate.ExportCertificatePem(), null, "InstallCertificate");
            foreach (var old in replaced)
            {
                Tombstone(old);
            }

            return InstallCertificateStatusEnumType.Accepted;
        }
    }

    /// <summary>GetInstalledCertificateIds: the hash data of the installed roots of one kind (SHA-256).</summary>
    public IReadOnlyList<CertificateHashDataType> List(CertificateUseEnumType type)
    {
        var use = type == CertificateUseEnumType.CentralSystemRootCertificate ? CertificateUses.CentralSystemRoot : CertificateUses.ManufacturerRoot;
        lock (_gate)
        {
            return [.. WithIssuers().Where(c => c.Row.Use == use).Select(c => CertificateHashes.Of(c.Certificate, c.Issuer, HashAlgorithmEnumType.Sha256))];
        }
    }

    /// <summary>DeleteCertificate: removes the certificate the hash data name, except the last CentralSystemRootCertificate and the charge point certificate.</summary>
    public DeleteCertificateStatusEnumType Delete(CertificateHashDataType hash)
    {
        StoredCertificate? found;
        string subject;
        lock (_gate)
        {
            var match = WithIssuers().FirstOrDefault(c => CertificateHashes.Matches(hash, c.Certificate, c.Issuer));
            if (match.Row is null)
            {
                CertificateLog.DeleteRefused(_logger, DeleteCertificateStatusEnumType.NotFound, "no installed certificate has that hash data");
                return DeleteCertificateStatusEnumType.NotFound;
            }

            found = match.Row;
            subject = match.Certificate.Subject;
            if (found.Use == CertificateUses.ChargePoint)
            {
                CertificateLog.DeleteRefused(_logger, DeleteCertificateStatusEnumType.Failed, "it is the charge point certificate (AQ-3); a CertificateSigned replaces it");
                return DeleteCertificateStatusEnumType.Failed;
            }

            if (found.Use == CertificateUses.CentralSystemRoot && Live(CertificateUses.CentralSystemRoot).Count() == 1)
            {
                CertificateLog.DeleteRefused(_logger, DeleteCertificateStatusEnumType.Failed, "it is the last CentralSystemRootCertificate (AQ-1): without it no TLS connection could be trusted");
                return DeleteCertificateStatusEnumType.Failed;
            }
        }

        Tombstone(found);
        CertificateLog.Deleted(_logger, found.Use, subject, found.Fingerprint);
        return DeleteCertificateStatusEnumType.Accepted;
    }

    /// <summary>The installed roots of both kinds, which a charge point certificate's chain may end at.</summary>
    internal X509Certificate2Collection AllRoots()
    {
        lock (_gate)
        {
            return [.. _rows.Where(r => !r.Deleted && r.Use is CertificateUses.CentralSystemRoot or CertificateUses.ManufacturerRoot)
                .Select(r => X509CertificateLoader.LoadCertificate(Der(r.Pem!)))];
        }
    }

    /// <summary>The key of the signing request waiting for its certificate, PEM, or null.</summary>
    internal string? PendingKey()
    {
        lock (_gate)
        {
            return Live(CertificateUses.PendingKey).FirstOrDefault()?.PrivateKeyPem;
        }
    }

    /// <summary>Keeps the key of a new signing request (a later request replaces it).</summary>
    internal void SavePendingKey(string keyPem) => Save(new StoredCertificate
    {
        Use = CertificateUses.PendingKey,
        Fingerprint = CertificateUses.PendingKeyFingerprint,
        PrivateKeyPem = keyPem,
        InstalledAt = _clock.GetUtcNow(),
    });

    /// <summary>Stores a signed charge point certificate with the pending key, replacing the current one.</summary>
    internal void AcceptChargePointCertificate(X509Certificate2 leaf, string chainPem, string keyPem)
    {
        ReplaceChargePointCertificate(leaf, chainPem, keyPem, "CertificateSigned");
        Save(new StoredCertificate
        {
            Use = CertificateUses.PendingKey,
            Fingerprint = CertificateUses.PendingKeyFingerprint,
            InstalledAt = _clock.GetUtcNow(),
            Deleted = true,
        });
    }

    /// <summary>Raises <see cref="ChargePointCertificateReplaced"/> (once the CertificateSigned is answered).</summary>
    internal void AnnounceReplacement() => ChargePointCertificateReplaced?.Invoke();

    /// <summary>Reports a security event, if the station has the security log.</summary>
    internal void Report(string type, string techInfo) => _events()?.Report(type, techInfo.Length > 255 ? techInfo[..255] : techInfo);

    internal static string Pem(X509Certificate2Collection chain) => string.Concat(chain.Select(c => c.ExportCertificatePem() + "\n"));

    /// <summary>Every certificate in <paramref name="pem"/>; at least one, or a CryptographicException saying what is wrong.</summary>
    public static X509Certificate2Collection ParseAll(string pem)
    {
        var certificates = new X509Certificate2Collection();

        // PemEncoding reads CRLF (and lone CR) line endings as well.
        certificates.ImportFromPem(pem);
        return certificates.Count > 0 ? certificates : throw new CryptographicException("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    }

    private static string ExportKey(X509Certificate2 certificate) =>
        (certificate.GetECDsaPrivateKey() as AsymmetricAlgorithm ?? certificate.GetRSAPrivateKey()
            ?? throw new CryptographicException("the charge point key is neither EC nor RSA")).ExportPkcs8PrivateKeyPem();

    private static byte[] Der(string pem) => PemEncoding.TryFind(pem, out var fields)
        ? Convert.FromBase64String(pem[fields.Base64Data])
        : throw new CryptographicException("stored certificate is not PEM");

    private static bool SignedByOneOf(X509Certificate2 certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        return chain.Build(certificate) && chain.ChainElements.Count > 1;
    }

    private void ReplaceChargePointCertificate(X509Certificate2 leaf, string chainPem, string keyPem, string source)
    {
        List<StoredCertificate> old;
        lock (_gate)
        {
            old = [.. Live(CertificateUses.ChargePoint)];
        }

        Add(CertificateUses.ChargePoint, leaf, chainPem, keyPem, source);
        foreach (var row in old.Where(r => r.Fingerprint != CertificateHashes.Fingerprint(leaf)))
        {
            Tombstone(row);
        }
    }

    private (X509Certificate2 Certificate, X509Certificate2Collection Chain)? LoadClientCertificate()
    {
        var row = Live(CertificateUses.ChargePoint).MaxBy(r => r.InstalledAt);
        if (row is null)
        {
            return null;
        }

        try
        {
            var all = ParseAll(row.Pem!);
            using var withKey = X509Certificate2.CreateFromPem(row.Pem!, row.PrivateKeyPem!);

            // An exportable key that TLS stacks accept on every platform (ephemeral keys fail on Windows).
            var certificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
            X509Certificate2Collection chain = [.. all.Skip(1)];
            all[0].Dispose();
            return (certificate, chain);
        }
        catch (CryptographicException ex)
        {
            CertificateLog.Unloadable(_logger, row.Use, row.Fingerprint, ex.Message);
            return null;
        }
    }

    private InstallCertificateStatusEnumType Refuse(string use, string reason)
    {
        CertificateLog.InstallRefused(_logger, use, reason);
        if (use == CertificateUses.CentralSystemRoot)
        {
            Report(SecurityEventTypes.InvalidCentralSystemCertificate, $"InstallCertificate refused: {reason}");
        }

        return InstallCertificateStatusEnumType.Rejected;
    }

    private bool Known(string use, string fingerprint)
    {
        lock (_gate)
        {
            return _rows.Any(r => r.Use == use && r.Fingerprint == fingerprint);
        }
    }

    private void Add(string use, X509Certificate2 certificate, string pem, string? keyPem, string source)
    {
        var fingerprint = CertificateHashes.Fingerprint(certificate);
        Save(new StoredCertificate { Use = use, Fingerprint = fingerprint, Pem = pem, PrivateKeyPem = keyPem, InstalledAt = _clock.GetUtcNow() });
        CertificateLog.Installed(_logger, use, certificate.Subject, fingerprint, source);
    }

    private void Tombstone(StoredCertificate row) => Save(row with { Deleted = true, Pem = null, PrivateKeyPem = null });

    private void Save(StoredCertificate row)
    {
        _store.Save(row);
        lock (_gate)
        {
            _rows = [.. _rows.Where(r => !(r.Use == row.Use && r.Fingerprint == row.Fingerprint)), row];
            _centralSystemRoots = null;
            _clientCertificateLoaded = false;
        }
    }

    private IEnumerable<StoredCertificate> Live(string use) => _rows.Where(r => r.Use == use && !r.Deleted);

    // The installed certificates with the certificate whose key signed each (itself for a root).
    private List<(StoredCertificate Row, X509Certificate2 Certificate, X509Certificate2 Issuer)> WithIssuers()
    {
        var loaded = _rows.Where(r => !r.Deleted && r.Pem is not null)
            .Select(r => (Row: r, Certificate: X509CertificateLoader.LoadCertificate(Der(r.Pem!))))
            .ToList();
        return [.. loaded.Select(c => (c.Row, c.Certificate, Issuer: c.Certificate.SubjectName.RawData.SequenceEqual(c.Certificate.IssuerName.RawData)
            ? c.Certificate
            : loaded.Select(o => o.Certificate).FirstOrDefault(o => o.SubjectName.RawData.SequenceEqual(c.Certificate.IssuerName.RawData)) ?? c.Certificate))];
    }
}
