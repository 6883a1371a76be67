using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>GetInstalledCertificateIds.req: the request that lists the installed root certificates of one kind (security whitepaper, Retrieve list of available certificates).</summary>
public sealed record GetInstalledCertificateIdsRequest : IOcppRequest<GetInstalledCertificateIdsResponse>
{
    /// <summary>The kind of root certificates to list.</summary>
    [JsonPropertyName("certificateType")]
    public required CertificateUseEnumType CertificateType { get; init; }
}
