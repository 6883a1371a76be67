using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>DeleteCertificate.req: the request that deletes an installed root certificate (security whitepaper, Delete a certificate).</summary>
public sealed record DeleteCertificateRequest : IOcppRequest<DeleteCertificateResponse>
{
    /// <summary>Identifies the certificate to delete.</summary>
    [JsonPropertyName("certificateHashData")]
    public required CertificateHashDataType CertificateHashData { get; init; }
}
