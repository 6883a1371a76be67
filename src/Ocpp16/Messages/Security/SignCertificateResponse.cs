using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>
/// SignCertificate.conf: the answer to the request that asks the Central System to have a new Charge Point certificate signed
/// (security whitepaper, Update Charge Point Certificate).
/// </summary>
public sealed record SignCertificateResponse : IOcppResponse
{
    /// <summary>Whether the Central System will have the certificate signed.</summary>
    [JsonPropertyName("status")]
    public required GenericStatusEnumType Status { get; init; }
}
