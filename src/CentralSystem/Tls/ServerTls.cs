using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Ocpp16.Transport;

namespace CentralSystem.Tls;

/// <summary>
/// The TLS side of the Central System (security whitepaper, secure connection setup): TLS 1.2 and
/// higher only, the cipher suites of <see cref="TlsPolicy"/>, and for security profile 3 a client
/// certificate that must chain to one of the configured CAs, checked against those CAs only. A
/// certificate that does not check out fails the TLS handshake; a station that offers none gets a
/// 403 that says so (a TLS alert would tell it less).
/// </summary>
internal sealed class ServerTls
{
    // Extended key usage "TLS Web Client Authentication" (RFC 5280 §4.2.1.12).
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    // Kestrel's certificate check knows no connection: the handshake's own flow carries its remote end.
    private static readonly AsyncLocal<EndPoint?> HandshakeRemoteEndPoint = new();

    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2Collection? _chain;
    private readonly X509Certificate2Collection? _clientAuthorities;
    private readonly bool _clientCertificateRequired;
    private readonly CipherSuitesPolicy? _cipherSuites = TlsPolicy.CreateCipherSuitesPolicy();
    private readonly ILogger _logger;

    public ServerTls(CentralSystemOptions options, ILogger logger)
    {
        _certificate = options.ServerCertificate ?? throw new ArgumentException("no server certificate", nameof(options));
        _chain = options.ServerCertificateChain;
        _clientAuthorities = options.ClientCertificateAuthorities;
        _clientCertificateRequired = options.ClientCertificateRequired;
        _logger = logger;
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogConfigured();
        }
    }

    /// <summary>
    /// Kestrel's TLS settings. The certificate is given up front rather than chosen per connection:
    /// a ClientHello that .NET cannot parse (TLS 1.0 and 1.1) then fails as a refused handshake, not as
    /// a server without a certificate.
    /// </summary>
    public HttpsConnectionAdapterOptions HttpsOptions => new()
    {
        ServerCertificate = _certificate,
        ServerCertificateChain = _chain,
        SslProtocols = TlsPolicy.Protocols,
        CheckCertificateRevocation = false,
        ClientCertificateMode = _clientAuthorities is null ? ClientCertificateMode.NoCertificate : ClientCertificateMode.AllowCertificate,
        ClientCertificateValidation = CheckClientCertificate,
        OnAuthenticate = Configure,
    };

    /// <summary>
    /// Security profile 3: why the connection of <paramref name="context"/> must be refused because it
    /// came without a client certificate; null when it may go on. (One that came and did not check
    /// out failed the handshake already.)
    /// </summary>
    public string? MissingClientCertificate(HttpContext context) =>
        _clientAuthorities is not null && _clientCertificateRequired && context.Connection.ClientCertificate is null
            ? "it presented no TLS client certificate, and security profile 3 requires one"
            : null;

    /// <summary>Logs what a station's connection negotiated, once it asked for the WebSocket upgrade.</summary>
    public void LogNegotiated(HttpContext context, string chargePointId)
    {
        if (context.Features.Get<ITlsHandshakeFeature>() is { } handshake)
        {
            TlsLog.Negotiated(_logger, chargePointId, handshake.Protocol, handshake.NegotiatedCipherSuite, context.Connection.ClientCertificate?.Subject ?? "none");
        }
    }

    private void LogConfigured()
    {
        var subject = _certificate.Subject;
        var notAfter = _certificate.NotAfter.ToUniversalTime();
        var clients = _clientAuthorities is null
            ? "no client certificates asked for"
            : $"client certificates {(_clientCertificateRequired ? "required" : "checked when presented")} from {string.Join(", ", _clientAuthorities.Select(c => c.Subject))}";
        var suites = _cipherSuites is null ? "of the operating system (not enforceable on this platform)" : string.Join(", ", TlsPolicy.CipherSuites);
        TlsLog.Configured(_logger, subject, notAfter, clients, "TLS 1.2 and 1.3 only", suites);
    }

    private void Configure(Microsoft.AspNetCore.Connections.ConnectionContext connection, SslServerAuthenticationOptions tls)
    {
        HandshakeRemoteEndPoint.Value = connection.RemoteEndPoint;
        tls.CipherSuitesPolicy = _cipherSuites;
        if (_clientAuthorities is { } authorities)
        {
            // Only the configured CAs are trusted for client certificates, never the system's store.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(authorities);
            policy.ApplicationPolicy.Add(ClientAuthentication);
            tls.CertificateChainPolicy = policy;
        }
    }

    private bool CheckClientCertificate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // The wall clock, as the TLS stack that built the chain used it (not the server's, maybe virtual, clock).
        var now = TimeProvider.System.GetUtcNow();

        // A client certificate has no host name to match.
        var diagnosis = CertificateDiagnosis.Of(certificate, chain, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch, hostName: null, now);
        if (diagnosis.Problems == CertificateProblems.None)
        {
            return true;
        }

        TlsLog.RefusedClientCertificate(_logger, HandshakeRemoteEndPoint.Value, $"'{certificate.Subject}'", diagnosis.ToString());
        return false;
    }
}
