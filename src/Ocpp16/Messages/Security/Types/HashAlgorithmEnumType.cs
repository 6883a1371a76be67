using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The hash algorithm of CertificateHashDataType (security whitepaper HashAlgorithmEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<HashAlgorithmEnumType>))]
public enum HashAlgorithmEnumType
{
    /// <summary>SHA256</summary>
    [JsonStringEnumMemberName("SHA256")]
    Sha256,

    /// <summary>SHA384</summary>
    [JsonStringEnumMemberName("SHA384")]
    Sha384,

    /// <summary>SHA512</summary>
    [JsonStringEnumMemberName("SHA512")]
    Sha512,
}
