using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Ocpp16.Transport;

/// <summary>How a Charge Point opens its OCPP-J connection.</summary>
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
    /// charge point id). Null sends no Authorization header.
    /// </summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>The client certificates offered in the TLS handshake (security profile 3).</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary>Validates the Central System's TLS certificate; null uses the system's trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>The largest message accepted from the Central System.</summary>
    public int MaxMessageBytes { get; init; } = WebSocketTransport.DefaultMaxMessageBytes;
}
