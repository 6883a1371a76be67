using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Connection;

namespace Station.Security.Certificates;

/// <summary>
/// Update Charge Point Certificate (security whitepaper): the key pair is made here and its private
/// half never leaves the station; the signing request (PKCS #10, ECDSA P-256 with SHA-256, subject CN
/// the serial number or id and O the CpoName) goes out as SignCertificate, and the CertificateSigned
/// that answers it is checked before it is used from the next connection.
/// </summary>
internal sealed class ChargePointCertificateSigning(
    CertificateService certificates, ConfigurationService configuration, OutgoingMessages outgoing, string commonName, ILogger logger) : ICertificateSigning, IChargePointCertificateSigning
{
    /// <inheritdoc/>
    public Func<CancellationToken, Task>? SignChargePointCertificate() => cancellationToken => RequestChargePointCertificateAsync(cancellationToken);

    public async Task<GenericStatusEnumType> RequestChargePointCertificateAsync(CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        var organization = configuration.Get(CertificateKeys.CpoName);
        if (!string.IsNullOrEmpty(organization))
        {
            subject.AddOrganizationName(organization);
        }

        var name = subject.Build();
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        certificates.SavePendingKey(key.ExportPkcs8PrivateKeyPem());
        GenericStatusEnumType status;
        try
        {
            var answer = await outgoing.SendAsync(new SignCertificateRequest { Csr = request.CreateSigningRequestPem() }, cancellationToken).ConfigureAwait(false);
            status = answer.Status;
        }
        catch (Exception ex) when (ex is OcppNotConnectedException or OcppCallErrorException or TimeoutException)
        {
            status = GenericStatusEnumType.Rejected;
        }

        CertificateLog.SigningRequested(logger, name.Name, "ECDSA P-256, SHA-256", status);
        return status;
    }

    /// <summary>
    /// CertificateSigned: Accepted when the chain fits <c>CertificateSignedMaxChainSize</c>, its first
    /// certificate holds the pending request's key, is valid now and chains to an installed root;
    /// otherwise Rejected, with the security event InvalidChargePointCertificate.
    /// </summary>
    public CertificateSignedStatusEnumType Accept(string chainPem)
    {
        if (Problem(chainPem, out var leaf, out var keyPem) is { } problem)
        {
            leaf?.Dispose();
            CertificateLog.CertificateRejected(logger, problem);
            certificates.Report(SecurityEventTypes.InvalidChargePointCertificate, problem);
            return CertificateSignedStatusEnumType.Rejected;
        }

        using (leaf)
        {
            certificates.AcceptChargePointCertificate(leaf!, chainPem, keyPem!);
            var notAfter = leaf!.NotAfter.ToUniversalTime();
            CertificateLog.CertificateAccepted(logger, leaf.Subject, leaf.Issuer, notAfter);
        }

        return CertificateSignedStatusEnumType.Accepted;
    }

    private string? Problem(string chainPem, out X509Certificate2? leaf, out string? keyPem)
    {
        leaf = null;
        keyPem = certificates.PendingKey();
        var limit = configuration.GetInt(CertificateKeys.CertificateSignedMaxChainSize);
        if (chainPem.Length > limit)
        {
            return $"the chain has {chainPem.Length} characters, more than CertificateSignedMaxChainSize {limit}";
        }

        if (keyPem is null)
        {
            return "no signing request is waiting for a certificate";
        }

        X509Certificate2Collection chain;
        try
        {
            chain = CertificateService.ParseAll(chainPem);
        }
        catch (CryptographicException ex)
        {
            return $"the chain is not PEM X.509: {ex.Message}";
        }

        leaf = chain[0];
        using var key = ECDsa.Create();
        key.ImportFromPem(keyPem);
        if (!leaf.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            return $"'{leaf.Subject}' is not issued for the key of the signing request";
        }

        var now = CertificateService.CertificateTime;
        if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
        {
            return $"'{leaf.Subject}' is valid only from {leaf.NotBefore.ToUniversalTime():O} to {leaf.NotAfter.ToUniversalTime():O}";
        }

        using var verification = new X509Chain();
        verification.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        verification.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        verification.ChainPolicy.CustomTrustStore.AddRange(certificates.AllRoots());
        verification.ChainPolicy.ExtraStore.AddRange(chain.Skip(1).ToArray());
        if (!verification.Build(leaf))
        {
            var status = string.Join(", ", verification.ChainStatus.Select(s => s.Status));
            return $"'{leaf.Subject}' does not chain to an installed root certificate ({status})";
        }

        return null;
    }
}
