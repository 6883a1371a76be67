namespace Ocpp16.Transport;

/// <summary>
/// The TLS handshake with the Central System failed for a reason other than its certificate: no
/// common TLS version or cipher suite (the Charge Point offers TLS 1.2 and higher only), or the
/// Central System refused the Charge Point's client certificate, or sent a TLS alert.
/// </summary>
public sealed class TlsHandshakeException : IOException
{
    /// <summary>Creates the exception.</summary>
    public TlsHandshakeException(Uri endpoint, string reason, Exception? innerException = null)
        : base($"{endpoint}: the TLS handshake failed: {reason}", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The URL that was dialled.</summary>
    public Uri Endpoint { get; }
}
