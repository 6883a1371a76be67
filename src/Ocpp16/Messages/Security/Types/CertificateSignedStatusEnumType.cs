using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to CertificateSigned (security whitepaper CertificateSignedStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<CertificateSignedStatusEnumType>))]
public enum CertificateSignedStatusEnumType
{
    /// <summary>Accepted: the signed certificate is valid and installed.</summary>
    Accepted,

    /// <summary>Rejected: the signed certificate is invalid and not installed.</summary>
    Rejected,
}
