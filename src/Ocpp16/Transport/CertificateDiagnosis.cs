using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Ocpp16.Transport;

/// <summary>
/// What is wrong with a certificate that a TLS handshake refused, as flags and as phrases for a log
/// line or an exception message (subjects and dates, never key material).
/// </summary>
public sealed class CertificateDiagnosis
{
    private readonly List<string> _details = [];

    /// <summary>Every problem found.</summary>
    public CertificateProblems Problems { get; private set; }

    /// <summary>One phrase per problem, e.g. <c>'CN=csms' expired on 2026-11-24 16:27:49Z</c>.</summary>
    public IReadOnlyList<string> Details => _details;

    /// <summary>
    /// Diagnoses the outcome of a certificate validation callback: <paramref name="errors"/> and
    /// <paramref name="chain"/> as the TLS stack passed them; <paramref name="hostName"/> is named in a
    /// host name mismatch; <paramref name="now"/> is the time the chain was checked at.
    /// </summary>
    public static CertificateDiagnosis Of(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, string? hostName, DateTimeOffset now)
    {
        var diagnosis = new CertificateDiagnosis();
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            diagnosis.Add(CertificateProblems.NotPresented, "no certificate was presented");
            return diagnosis;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            diagnosis.Add(CertificateProblems.HostNameMismatch, $"it is not issued for the host '{hostName}'");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            if (chain is not null)
            {
                diagnosis.AddChain(chain, now);
            }

            if (!diagnosis.Problems.HasFlag(CertificateProblems.Untrusted) && diagnosis._details.Count == 0)
            {
                diagnosis.Add(CertificateProblems.Other, "its chain is invalid");
            }
        }

        return diagnosis;
    }

    /// <summary>Adds a problem found by other means (a custom check).</summary>
    public void Add(CertificateProblems problem, string detail)
    {
        Problems |= problem;
        if (!_details.Contains(detail, StringComparer.Ordinal))
        {
            _details.Add(detail);
        }
    }

    /// <summary>The details as one phrase.</summary>
    public override string ToString() => _details.Count == 0 ? "no problem found" : string.Join("; ", _details);

    private void AddChain(X509Chain chain, DateTimeOffset now)
    {
        foreach (var element in chain.ChainElements)
        {
            if (element.ChainElementStatus.Any(s => s.Status == X509ChainStatusFlags.NotTimeValid))
            {
                var certificate = element.Certificate;
                var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
                if (now < notBefore)
                {
                    Add(CertificateProblems.NotYetValid, $"'{certificate.Subject}' is not valid before {notBefore:yyyy-MM-dd HH:mm:ss}Z");
                }
                else
                {
                    Add(CertificateProblems.Expired, $"'{certificate.Subject}' expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
                }
            }
        }

        foreach (var status in chain.ChainStatus)
        {
            switch (status.Status)
            {
                case X509ChainStatusFlags.NoError or X509ChainStatusFlags.NotTimeValid:
                    break;
                case X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain or X509ChainStatusFlags.NotSignatureValid or X509ChainStatusFlags.ExplicitDistrust:
                    Add(CertificateProblems.Untrusted, $"it does not chain to a trusted root certificate ({status.Status})");
                    break;
                case X509ChainStatusFlags.Revoked:
                    Add(CertificateProblems.Revoked, "a certificate of its chain is revoked");
                    break;
                case X509ChainStatusFlags.NotValidForUsage:
                    Add(CertificateProblems.WrongUsage, "it is not issued for this use (extended key usage)");
                    break;
                default:
                    Add(CertificateProblems.Other, $"{status.Status}: {status.StatusInformation.Trim()}");
                    break;
            }
        }
    }
}
