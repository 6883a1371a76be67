using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to GetInstalledCertificateIds (security whitepaper GetInstalledCertificateStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<GetInstalledCertificateStatusEnumType>))]
public enum GetInstalledCertificateStatusEnumType
{
    /// <summary>Accepted: certificates of the requested kind are installed; their hash data follow.</summary>
    Accepted,

    /// <summary>NotFound: no certificate of the requested kind is installed.</summary>
    NotFound,
}
