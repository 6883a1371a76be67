using System.Net.Security;
using System.Security.Authentication;

namespace Ocpp16.Transport;

/// <summary>
/// The TLS rules of the security whitepaper ("Improved security for OCPP 1.6-J", secure connection
/// setup), shared by the Charge Point's client and the built-in Central System: TLS 1.2 or higher
/// only, and only AEAD cipher suites with the whitepaper's four among them.
/// </summary>
public static class TlsPolicy
{
    /// <summary>TLS 1.2 and 1.3: the whitepaper allows nothing older.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// The cipher suites offered and accepted where <see cref="IsCipherSuitePolicySupported"/>: the three
    /// TLS 1.3 suites, the four TLS 1.2 suites the whitepaper requires (and OCTT TC_086 checks:
    /// ECDHE-ECDSA and RSA key exchange with AES-GCM) and ECDHE-RSA with AES-GCM, so that an RSA
    /// certificate still gets forward secrecy. No CBC, RC4, 3DES or SHA-1 MAC suite is offered.
    /// </summary>
    public static IReadOnlyList<TlsCipherSuite> CipherSuites { get; } =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
    ];

    /// <summary>
    /// Whether this platform lets <see cref="CipherSuites"/> be enforced: .NET applies a
    /// <see cref="CipherSuitesPolicy"/> on Linux (OpenSSL) only. Elsewhere the operating system's
    /// default suites apply; <see cref="Protocols"/> is enforced everywhere.
    /// </summary>
    public static bool IsCipherSuitePolicySupported => OperatingSystem.IsLinux();

    /// <summary>The policy of <see cref="CipherSuites"/>, or null where the platform cannot apply one.</summary>
    public static CipherSuitesPolicy? CreateCipherSuitesPolicy() =>
        OperatingSystem.IsLinux() ? new CipherSuitesPolicy(CipherSuites) : null;
}
