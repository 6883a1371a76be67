using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>InstallCertificate.conf: the answer to the request that installs a root certificate on the Charge Point.</summary>
public sealed record InstallCertificateResponse : IOcppResponse
{
    /// <summary>Whether the certificate is installed.</summary>
    [JsonPropertyName("status")]
    public required InstallCertificateStatusEnumType Status { get; init; }
}
