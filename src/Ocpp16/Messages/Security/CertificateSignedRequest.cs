using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>CertificateSigned.req: the request that hands the Charge Point its newly signed certificate (security whitepaper, Update Charge Point Certificate).</summary>
public sealed record CertificateSignedRequest : IOcppRequest<CertificateSignedResponse>
{
    /// <summary>The signed Charge Point certificate, followed by its sub-CA certificates, PEM encoded.</summary>
    [JsonPropertyName("certificateChain")]
    [JsonConverter(typeof(String10000Converter))]
    public required string CertificateChain { get; init; }
}
