using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>GetInstalledCertificateIds.conf: the answer to the request that lists the installed root certificates of one kind.</summary>
public sealed record GetInstalledCertificateIdsResponse : IOcppResponse
{
    /// <summary>Whether certificates of that kind are installed.</summary>
    [JsonPropertyName("status")]
    public required GetInstalledCertificateStatusEnumType Status { get; init; }

    /// <summary>The installed certificates; absent when there are none (the schema allows no empty list).</summary>
    [JsonPropertyName("certificateHashData")]
    [JsonConverter(typeof(NonEmptyListConverter<CertificateHashDataType>))]
    public IReadOnlyList<CertificateHashDataType>? CertificateHashData { get; init; }
}
