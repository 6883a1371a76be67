using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>DeleteCertificate.conf: the answer to the request that deletes an installed root certificate.</summary>
public sealed record DeleteCertificateResponse : IOcppResponse
{
    /// <summary>Whether the certificate is deleted.</summary>
    [JsonPropertyName("status")]
    public required DeleteCertificateStatusEnumType Status { get; init; }
}
