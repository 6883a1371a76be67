using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The kind of root certificate InstallCertificate, GetInstalledCertificateIds and the Charge Point's certificate store deal with (security whitepaper CertificateUseEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<CertificateUseEnumType>))]
public enum CertificateUseEnumType
{
    /// <summary>CentralSystemRootCertificate: A root certificate the Central System's TLS certificate chains to (security profiles 2 and 3).</summary>
    CentralSystemRootCertificate,

    /// <summary>ManufacturerRootCertificate: A root certificate of the manufacturer, which firmware signing certificates chain to.</summary>
    ManufacturerRootCertificate,
}
