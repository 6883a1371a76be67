using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace CentralSystem.Tls;

/// <summary>Log events of the Central System's TLS (event ids 1150–1169; retired ids are never reused).</summary>
internal static partial class TlsLog
{
    [LoggerMessage(EventId = 1150, Level = LogLevel.Warning, Message = "Refused the TLS handshake of {RemoteEndPoint}: its client certificate {Subject} does not check out: {Problems}")]
    public static partial void RefusedClientCertificate(ILogger logger, EndPoint? remoteEndPoint, string subject, string problems);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Warning, Message = "Refused station {ChargePointId} from {RemoteAddress} with 403: {Problem}")]
    public static partial void RefusedWithoutClientCertificate(ILogger logger, string chargePointId, IPAddress? remoteAddress, string problem);

    [LoggerMessage(EventId = 1152, Level = LogLevel.Information, Message = "Station {ChargePointId} uses {Protocol} with {CipherSuite}; client certificate: {ClientCertificate}")]
    public static partial void Negotiated(ILogger logger, string chargePointId, SslProtocols protocol, TlsCipherSuite? cipherSuite, string clientCertificate);

    [LoggerMessage(EventId = 1153, Level = LogLevel.Information, Message = "TLS on: server certificate {Subject} (valid until {NotAfter:yyyy-MM-dd}); " +
        "{ClientCertificates}; {Protocols}; cipher suites {CipherSuites}")]
    public static partial void Configured(ILogger logger, string subject, DateTime notAfter, string clientCertificates, string protocols, string cipherSuites);
}
