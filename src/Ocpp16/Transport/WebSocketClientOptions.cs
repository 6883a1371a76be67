using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Ocpp16.Transport;

/// <summary>
/// How a Charge Point opens its OCPP-J connection, security profiles included (security whitepaper,
/// secure connection setup): 1 is <c>ws://</c> with <see cref="BasicAuthPassword"/>; 2 is <c>wss://</c>
/// with <see cref="TrustedRootCertificates"/> and <see cref="BasicAuthPassword"/>; 3 is <c>wss://</c>
/// with <see cref="TrustedRootCertificates"/> and <see cref="ClientCertificate"/>. Over <c>wss://</c>
/// only TLS 1.2 and higher is offered, with the cipher suites of <see cref="TlsPolicy"/>.
/// </summary>
public sealed record WebSocketClientOptions
{
    /// <summary>The Central System endpoint (<c>ws://</c> or <c>wss://</c>), without the charge point id.</summary>
    public required Uri CentralSystemUri { get; init; }

    /// <summary>The charge point identity, appended to the endpoint as the last path segment.</summary>
    public required string ChargePointId { get; init; }

    /// <summary>WebSocket ping interval (<c>WebSocketPingInterval</c>); zero turns pings off.</summary>
    public TimeSpan PingInterval { get; init; }

    /// <summary>How long the TCP, TLS and WebSocket handshakes may take together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The password of HTTP Basic authentication (security profiles 1 and 2; the user name is the
    /// charge point id). Null sends no Authorization header. A string converts implicitly; binary
    /// passwords come from <see cref="Transport.BasicAuthPassword.FromBytes"/>. Never printed.
    /// </summary>
    public BasicAuthPassword? BasicAuthPassword { get; init; }

    /// <summary>
    /// The root certificates the Central System's certificate must chain to (security profiles 2
    /// and 3: the installed CentralSystemRootCertificates). Only these are trusted, not the system's
    /// store; the host name and the validity period are checked too, revocation is not (no CRL or
    /// OCSP: a station often cannot reach them). Null trusts the system's store instead.
    /// </summary>
    public X509Certificate2Collection? TrustedRootCertificates { get; init; }

    /// <summary>The Charge Point's certificate, with its private key, for security profile 3 (mutual TLS).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The sub-CA certificates sent along with <see cref="ClientCertificate"/>, if it is not signed by a root directly.</summary>
    public X509Certificate2Collection? ClientCertificateChain { get; init; }

    /// <summary>
    /// Replaces the whole check of the Central System's certificate (certificate pinning, tests);
    /// not together with <see cref="TrustedRootCertificates"/>. A refusal still surfaces as
    /// <see cref="ServerCertificateRejectedException"/>.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>
    /// The local address the connection is made from; null lets the system choose. One local address
    /// has about 28,000 ephemeral ports towards one Central System address, so a fleet of more
    /// stations spreads them over several (127.0.0.2, 127.0.0.3, ... on loopback).
    /// </summary>
    public System.Net.IPAddress? LocalAddress { get; init; }

    /// <summary>The largest message accepted from the Central System.</summary>
    public int MaxMessageBytes { get; init; } = WebSocketTransport.DefaultMaxMessageBytes;

    /// <summary>Whether the endpoint is <c>wss://</c>.</summary>
    public bool IsSecure => string.Equals(CentralSystemUri.Scheme, "wss", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails on settings that cannot work, naming the setting (and never a password).</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public WebSocketClientOptions Validate()
    {
        Require(CentralSystemUri.IsAbsoluteUri && CentralSystemUri.Scheme is "ws" or "wss", nameof(CentralSystemUri), "must be a ws:// or wss:// URL");
        Require(string.IsNullOrEmpty(CentralSystemUri.UserInfo), nameof(CentralSystemUri), "must not carry credentials; set BasicAuthPassword instead");
        Require(!string.IsNullOrEmpty(ChargePointId), nameof(ChargePointId), "must not be empty");

        // RFC 7617 §2: the user-id of Basic authentication cannot contain a colon.
        Require(BasicAuthPassword is null || !ChargePointId.Contains(':', StringComparison.Ordinal), nameof(ChargePointId), "must not contain ':' when HTTP Basic authentication is used");
        Require(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Require(PingInterval >= TimeSpan.Zero, nameof(PingInterval), "must not be negative");
        Require(MaxMessageBytes > 0, nameof(MaxMessageBytes), "must be positive");
        Require(TrustedRootCertificates is null || IsSecure, nameof(TrustedRootCertificates), "needs a wss:// CentralSystemUri (security profiles 2 and 3)");
        Require(TrustedRootCertificates is null || TrustedRootCertificates.Count > 0, nameof(TrustedRootCertificates), "is empty: no Central System certificate could ever be trusted");
        Require(TrustedRootCertificates is null || ServerCertificateValidation is null, nameof(ServerCertificateValidation), "replaces the check TrustedRootCertificates makes; set one of them");
        Require(ClientCertificate is null || IsSecure, nameof(ClientCertificate), "needs a wss:// CentralSystemUri (security profile 3)");
        Require(ClientCertificate is null || ClientCertificate.HasPrivateKey, nameof(ClientCertificate), "needs its private key");
        Require(ClientCertificateChain is null || ClientCertificate is not null, nameof(ClientCertificateChain), "is set without a ClientCertificate");
        return this;
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"WebSocketClientOptions.{setting} {problem}", setting);
        }
    }
}
