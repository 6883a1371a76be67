using System.Net.Security;
using System.Security.Authentication;

namespace CentralSystem;

/// <summary>How a station's connection was secured (security whitepaper profiles), as the Central System saw it.</summary>
public sealed record SessionSecurity
{
    /// <summary>The user name of the HTTP Basic credentials it passed with, when the Central System checks them (profiles 1 and 2).</summary>
    public string? BasicAuthUser { get; init; }

    /// <summary>The TLS version, null over plain ws://.</summary>
    public SslProtocols? TlsProtocol { get; init; }

    /// <summary>The TLS cipher suite, null over plain ws://.</summary>
    public TlsCipherSuite? CipherSuite { get; init; }

    /// <summary>The subject of the client certificate the station presented (profile 3), if any.</summary>
    public string? ClientCertificateSubject { get; init; }

    /// <summary>The serial number of that client certificate, if any.</summary>
    public string? ClientCertificateSerialNumber { get; init; }
}
