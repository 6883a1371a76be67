using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>SignCertificate.req: the request that asks the Central System to have a new Charge Point certificate signed (security whitepaper, Update Charge Point Certificate).</summary>
public sealed record SignCertificateRequest : IOcppRequest<SignCertificateResponse>
{
    /// <summary>The PKCS #10 certificate signing request (RFC 2986), PEM encoded.</summary>
    [JsonPropertyName("csr")]
    [JsonConverter(typeof(String5500Converter))]
    public required string Csr { get; init; }
}
