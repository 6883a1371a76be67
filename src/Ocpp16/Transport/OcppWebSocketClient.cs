using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;

namespace Ocpp16.Transport;

/// <summary>Opens the Charge Point side of an OCPP-J connection (OCPP-J 1.6 §3), with the security profiles of the security whitepaper.</summary>
public static class OcppWebSocketClient
{
    /// <summary>The WebSocket subprotocol of OCPP 1.6J.</summary>
    public const string SubProtocol = "ocpp1.6";

    /// <summary>The connection URL: the Central System endpoint plus the URL-encoded charge point id.</summary>
    public static Uri BuildEndpoint(Uri centralSystemUri, string chargePointId)
    {
        var text = centralSystemUri.OriginalString.TrimEnd('/');
        return new Uri($"{text}/{Uri.EscapeDataString(chargePointId)}", UriKind.Absolute);
    }

    /// <summary>
    /// Connects and checks that the server agreed to <c>ocpp1.6</c>. Each refusal has an exception of
    /// its own, told apart from network failures (<see cref="WebSocketException"/>,
    /// <see cref="HttpRequestException"/>) and time-outs (<see cref="OperationCanceledException"/>).
    /// One call dials once: retries and their back-off belong to the caller's reconnect policy.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (<see cref="WebSocketClientOptions.Validate"/>).</exception>
    /// <exception cref="ServerCertificateRejectedException">The Central System's TLS certificate did not check out.</exception>
    /// <exception cref="TlsHandshakeException">The TLS handshake failed for another reason (version, cipher suite, client certificate).</exception>
    /// <exception cref="AuthenticationRefusedException">The Central System answered 401 Unauthorized or 403 Forbidden.</exception>
    /// <exception cref="SubprotocolRefusedException">The Central System did not agree to <c>ocpp1.6</c>.</exception>
    public static async Task<WebSocketTransport> ConnectAsync(WebSocketClientOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var endpoint = BuildEndpoint(options.CentralSystemUri, options.ChargePointId);
        if (!options.IsSecure && !GoesThroughProxy(endpoint))
        {
            // Plain ws://: the handshake over the socket itself, without an HTTP connection kept under the WebSocket.
            return await PlainWebSocketConnector.ConnectAsync(options, endpoint, cancellationToken).ConfigureAwait(false);
        }

        var tls = options.IsSecure ? new TlsHandshakeWatch(options, endpoint) : null;
        var socket = new ClientWebSocket();

        // Over wss:// the handler carries the TLS settings ClientWebSocketOptions cannot express; it
        // lives as long as the connection. Plain ws:// keeps the runtime's shared handler.
        // A chosen local address needs a handler of its own too, to bind before it dials.
        var invoker = tls is not null ? new HttpMessageInvoker(CreateTlsHandler(options, tls), disposeHandler: true)
            : options.LocalAddress is { } local ? new HttpMessageInvoker(CreateBoundHandler(local), disposeHandler: true)
            : null;
        try
        {
            Configure(socket.Options, options);

            // Real time on purpose: a network safeguard against a silent peer, not behaviour with an interval.
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, TimeProvider.System);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await (invoker is null
                    ? socket.ConnectAsync(endpoint, linked.Token)
                    : socket.ConnectAsync(endpoint, invoker, linked.Token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (Refusal(ex, endpoint, socket, tls, options) is { } refusal)
            {
                throw refusal;
            }

            // The handshake's response headers are no use to a connection that may live for months.
            socket.HttpResponseHeaders = null;
            if (socket.SubProtocol != SubProtocol)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "ocpp1.6 required", timeout.Token).ConfigureAwait(false);
                throw new SubprotocolRefusedException(endpoint, socket.SubProtocol);
            }

            return new WebSocketTransport(socket, options.MaxMessageBytes, invoker, tls?.Protocol, tls?.CipherSuite);
        }
        catch
        {
            socket.Dispose();
            invoker?.Dispose();
            throw;
        }
    }

    // An HTTP proxy of the environment (HTTP_PROXY, ALL_PROXY) is ClientWebSocket's to go through, as ever.
    private static bool GoesThroughProxy(Uri endpoint)
    {
        var http = new UriBuilder(endpoint) { Scheme = Uri.UriSchemeHttp }.Uri;
        var proxy = HttpClient.DefaultProxy;
        return !proxy.IsBypassed(http) && proxy.GetProxy(http) is not null;
    }

    private static void Configure(ClientWebSocketOptions socket, WebSocketClientOptions options)
    {
        socket.AddSubProtocol(SubProtocol);

        // The status code of a refused upgrade tells a 401 from a network failure.
        socket.CollectHttpResponseDetails = true;

        // OCPP's WebSocketPingInterval: real Ping frames answered by Pong, and no keep-alive at all when 0.
        socket.KeepAliveInterval = options.PingInterval;
        if (options.PingInterval > TimeSpan.Zero)
        {
            socket.KeepAliveTimeout = options.PingInterval * 2;
        }

        if (options.BasicAuthPassword is { } password)
        {
            socket.SetRequestHeader("Authorization", password.AuthorizationHeader(options.ChargePointId));
        }
    }

    private static SocketsHttpHandler CreateBoundHandler(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static SocketsHttpHandler CreateTlsHandler(WebSocketClientOptions options, TlsHandshakeWatch watch)
    {
        var tls = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = TlsPolicy.Protocols,
            CipherSuitesPolicy = TlsPolicy.CreateCipherSuitesPolicy(),
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = watch.ValidateServerCertificate,
        };

        if (options.TrustedRootCertificates is { } roots)
        {
            // Only the configured roots are trusted (whitepaper: the installed CentralSystemRootCertificates), never the system's store.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }

        if (options.ClientCertificate is { } certificate)
        {
            tls.ClientCertificateContext = SslStreamCertificateContext.Create(certificate, options.ClientCertificateChain, offline: true);
        }

        return new SocketsHttpHandler { SslOptions = tls, ConnectCallback = watch.DialOnce, PlaintextStreamFilter = watch.ReadHandshake };
    }

    // A refused upgrade (401, 403) as the exception that names the refusal; null for any other status.
    internal static AuthenticationRefusedException? AuthenticationRefusal(HttpStatusCode status, Uri endpoint, WebSocketClientOptions options, Exception exception) =>
        status switch
        {
            HttpStatusCode.Unauthorized => new AuthenticationRefusedException(endpoint, HttpStatusCode.Unauthorized, options.BasicAuthPassword is null
                ? "it requires authentication, and no HTTP Basic password is configured"
                : "it did not accept the HTTP Basic credentials", exception),
            HttpStatusCode.Forbidden => new AuthenticationRefusedException(endpoint, HttpStatusCode.Forbidden, options.ClientCertificate is null && options.IsSecure
                ? "a Central System at security profile 3 answers so when no client certificate is offered, and none is configured"
                : "it does not let this charge point in", exception),
            _ => null,
        };

    // Maps a failed upgrade to the exception that names the refusal; null leaves a network failure as it is.
    private static IOException? Refusal(Exception exception, Uri endpoint, ClientWebSocket socket, TlsHandshakeWatch? tls, WebSocketClientOptions options)
    {
        if (exception is OperationCanceledException)
        {
            return null;
        }

        if (AuthenticationRefusal(socket.HttpStatusCode, endpoint, options, exception) is { } refused)
        {
            return refused;
        }

        return tls?.Refusal(exception);
    }
}
