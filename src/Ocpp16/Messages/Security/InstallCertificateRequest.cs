using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>InstallCertificate.req: the request that installs a root certificate on the Charge Point (security whitepaper, Install CA certificate).</summary>
public sealed record InstallCertificateRequest : IOcppRequest<InstallCertificateResponse>
{
    /// <summary>What the root certificate is for.</summary>
    [JsonPropertyName("certificateType")]
    public required CertificateUseEnumType CertificateType { get; init; }

    /// <summary>The X.509 certificate, PEM encoded.</summary>
    [JsonPropertyName("certificate")]
    [JsonConverter(typeof(String5500Converter))]
    public required string Certificate { get; init; }
}
