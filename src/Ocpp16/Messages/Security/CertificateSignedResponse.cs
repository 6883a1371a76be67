using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>CertificateSigned.conf: the answer to the request that hands the Charge Point its newly signed certificate.</summary>
public sealed record CertificateSignedResponse : IOcppResponse
{
    /// <summary>Whether the certificate is valid and installed.</summary>
    [JsonPropertyName("status")]
    public required CertificateSignedStatusEnumType Status { get; init; }
}
