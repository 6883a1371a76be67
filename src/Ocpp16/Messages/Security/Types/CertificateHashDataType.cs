using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>
/// Identifies an installed certificate by its issuer and serial number (security whitepaper
/// CertificateHashDataType, as RFC 6960's CertID): DeleteCertificate and GetInstalledCertificateIds.
/// </summary>
public sealed record CertificateHashDataType
{
    /// <summary>The algorithm of both hashes.</summary>
    [JsonPropertyName("hashAlgorithm")]
    public required HashAlgorithmEnumType HashAlgorithm { get; init; }

    /// <summary>The hash of the issuer's distinguished name (DER), hexadecimal.</summary>
    [JsonPropertyName("issuerNameHash")]
    [JsonConverter(typeof(String128Converter))]
    public required string IssuerNameHash { get; init; }

    /// <summary>The hash of the issuer's public key (the DER of the subjectPublicKey bits), hexadecimal.</summary>
    [JsonPropertyName("issuerKeyHash")]
    [JsonConverter(typeof(String128Converter))]
    public required string IssuerKeyHash { get; init; }

    /// <summary>The certificate's serial number, hexadecimal.</summary>
    [JsonPropertyName("serialNumber")]
    [JsonConverter(typeof(String40Converter))]
    public required string SerialNumber { get; init; }
}
