namespace Ocpp16.Transport;

/// <summary>What is wrong with a certificate presented in a TLS handshake (the Central System's, or a Charge Point's client certificate).</summary>
[Flags]
public enum CertificateProblems
{
    /// <summary>Nothing is wrong.</summary>
    None = 0,

    /// <summary>It does not chain to a trusted root (for security profiles 2 and 3: a configured root certificate), or a signature in the chain is invalid.</summary>
    Untrusted = 1,

    /// <summary>It, or a certificate of its chain, has expired.</summary>
    Expired = 2,

    /// <summary>It, or a certificate of its chain, is not valid yet.</summary>
    NotYetValid = 4,

    /// <summary>It is not issued for the host name of the URL dialled.</summary>
    HostNameMismatch = 8,

    /// <summary>No certificate was presented.</summary>
    NotPresented = 16,

    /// <summary>A certificate of its chain is revoked.</summary>
    Revoked = 32,

    /// <summary>It is not issued for this use (its extended key usage lacks server or client authentication).</summary>
    WrongUsage = 64,

    /// <summary>Another problem of the chain; the details say which.</summary>
    Other = 128,
}
