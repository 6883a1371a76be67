using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to DeleteCertificate (security whitepaper DeleteCertificateStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<DeleteCertificateStatusEnumType>))]
public enum DeleteCertificateStatusEnumType
{
    /// <summary>Accepted: the certificate is deleted.</summary>
    Accepted,

    /// <summary>Failed: the certificate could not be deleted (for example, it is in use).</summary>
    Failed,

    /// <summary>NotFound: no installed certificate has these hash data.</summary>
    NotFound,
}
