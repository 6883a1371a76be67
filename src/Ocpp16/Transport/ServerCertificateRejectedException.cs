namespace Ocpp16.Transport;

/// <summary>
/// The Charge Point refused the Central System's TLS certificate, so the connection was not made.
/// The station raises the security event <c>InvalidCentralSystemCertificate</c> for it (security whitepaper).
/// </summary>
public sealed class ServerCertificateRejectedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ServerCertificateRejectedException(Uri endpoint, CertificateProblems problems, string? subject, string details, Exception? innerException = null)
        : base($"{endpoint}: refused the Central System's TLS certificate{(subject is null ? string.Empty : $" '{subject}'")}: {details}", innerException)
    {
        Endpoint = endpoint;
        Problems = problems;
        Subject = subject;
    }

    /// <summary>The URL that was dialled.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every problem found.</summary>
    public CertificateProblems Problems { get; }

    /// <summary>The subject of the certificate presented, if one was.</summary>
    public string? Subject { get; }
}
