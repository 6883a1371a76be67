using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Ocpp16.Transport;

/// <summary>
/// Watches the TLS handshake of one <c>wss://</c> connection: checks the Central System's
/// certificate, keeps the TLS stream to tell what was negotiated, and turns a failed connection into
/// the exception that names the refusal rather than the TLS stack's generic error.
/// </summary>
internal sealed class TlsHandshakeWatch(WebSocketClientOptions options, Uri endpoint)
{
    private CertificateDiagnosis? _refused;
    private string? _subject;

    /// <summary>The TLS version negotiated, once a handshake succeeded.</summary>
    public SslProtocols? Protocol { get; private set; }

    /// <summary>The cipher suite negotiated, once a handshake succeeded.</summary>
    public TlsCipherSuite? CipherSuite { get; private set; }

    // The subject of the client certificate sent, if the server asked for one and one was configured.
    private string? _offered;
    private int _connections;

    public bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        _subject = certificate?.Subject;

        // The wall clock, as the TLS stack that built the chain used it.
        var now = TimeProvider.System.GetUtcNow();
        if (options.ServerCertificateValidation is { } custom)
        {
            if (custom(sender, certificate, chain, errors))
            {
                return true;
            }

            _refused = CertificateDiagnosis.Of(certificate, chain, errors, endpoint.IdnHost, now);
            _refused.Add(CertificateProblems.Other, "the configured certificate check refused it");
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        _refused = CertificateDiagnosis.Of(certificate, chain, errors, endpoint.IdnHost, now);
        return false;
    }

    /// <summary>
    /// SocketsHttpHandler's dialler. The handler dials again, up to three times, when a connection
    /// closes before the answer starts; here one attempt is one connection: the reconnect policy owns
    /// retries and their back-off, and a Central System that refuses a client certificate is not asked four times.
    /// </summary>
    public async ValueTask<Stream> DialOnce(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _connections) > 1)
        {
            throw new IOException("the Central System closed the connection before answering the WebSocket upgrade");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (options.LocalAddress is { } local)
            {
                socket.Bind(new System.Net.IPEndPoint(local, 0));
            }

            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>SocketsHttpHandler's hook after TLS: the stream it hands over is the TLS stream.</summary>
    public ValueTask<Stream> ReadHandshake(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        // Read now: the stream may be disposed by the time a failure is mapped.
        if (context.PlaintextStream is SslStream stream)
        {
            Protocol = stream.SslProtocol;
            CipherSuite = stream.NegotiatedCipherSuite;
            _offered = stream.LocalCertificate?.Subject;
        }

        return ValueTask.FromResult(context.PlaintextStream);
    }

    /// <summary>The exception naming a TLS refusal behind <paramref name="failure"/>, or null when it is not one.</summary>
    public IOException? Refusal(Exception failure)
    {
        if (_refused is { } diagnosis)
        {
            return new ServerCertificateRejectedException(endpoint, diagnosis.Problems, _subject, diagnosis.ToString(), failure);
        }

        if (Find<AuthenticationException>(failure) is { } handshake)
        {
            var hint = options.ClientCertificate is null
                ? "the Charge Point offers TLS 1.2 and 1.3 with AEAD cipher suites only, and no client certificate"
                : "the Charge Point offers TLS 1.2 and 1.3 with AEAD cipher suites only; the Central System may have refused its client certificate";
            return new TlsHandshakeException(endpoint, $"{Innermost(handshake).Message.ReplaceLineEndings(" ")} ({hint})", failure);
        }

        // TLS 1.3 (RFC 8446 §4.4.2): the server checks the client certificate after the client has
        // finished its handshake, so a refusal shows as a connection closed before the upgrade is answered.
        if (Protocol is { } protocol && EndedBeforeAnswer(failure))
        {
            var reason = _offered is { } offered
                ? $"the Central System closed the connection after the handshake ({protocol}) without answering the WebSocket upgrade: it refused the client certificate '{offered}'"
                : $"the Central System closed the connection after the handshake ({protocol}) without answering the WebSocket upgrade: " +
                  "it wants a client certificate (security profile 3), and none is configured";
            return new TlsHandshakeException(endpoint, reason, failure);
        }

        return null;
    }

    private bool EndedBeforeAnswer(Exception failure) =>
        Volatile.Read(ref _connections) > 1
        || Find<HttpIOException>(failure) is { HttpRequestError: HttpRequestError.ResponseEnded }
        || Find<HttpRequestException>(failure) is { HttpRequestError: HttpRequestError.ResponseEnded };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}
