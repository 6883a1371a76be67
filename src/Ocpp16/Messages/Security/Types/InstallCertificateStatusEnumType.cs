using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to InstallCertificate (security whitepaper InstallCertificateStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<InstallCertificateStatusEnumType>))]
public enum InstallCertificateStatusEnumType
{
    /// <summary>Accepted: the certificate is installed.</summary>
    Accepted,

    /// <summary>Failed: the certificate is valid but could not be installed (for example, the store is full).</summary>
    Failed,

    /// <summary>Rejected: the certificate is invalid or of the wrong kind, and is not installed.</summary>
    Rejected,
}
