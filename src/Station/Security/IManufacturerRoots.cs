using System.Security.Cryptography.X509Certificates;

namespace Station.Security;

/// <summary>
/// The installed ManufacturerRootCertificates, which a SignedUpdateFirmware's signing certificate
/// must chain to. The certificate store provides it (InstallCertificate
/// ManufacturerRootCertificate); without it every signed update is InvalidCertificate.
/// </summary>
public interface IManufacturerRoots
{
    /// <summary>The certificates installed now; owned by the store (the caller does not dispose them).</summary>
    IReadOnlyList<X509Certificate2> ManufacturerRootCertificates();
}
