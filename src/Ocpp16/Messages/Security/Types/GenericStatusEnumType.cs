using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to SignCertificate (security whitepaper GenericStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<GenericStatusEnumType>))]
public enum GenericStatusEnumType
{
    /// <summary>Accepted: the Central System will have the certificate signed and send it with CertificateSigned.</summary>
    Accepted,

    /// <summary>Rejected: the request is refused.</summary>
    Rejected,
}
