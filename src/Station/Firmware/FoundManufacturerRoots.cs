using System.Security.Cryptography.X509Certificates;
using Station.Composition;
using Station.Security;

namespace Station.Firmware;

/// <summary>
/// The certificate store's ManufacturerRootCertificates, looked up when a signed update is checked
/// (so the store may come after the firmware block in the composition); none without a store.
/// </summary>
internal sealed class FoundManufacturerRoots(StationContext context) : IManufacturerRoots
{
    public IReadOnlyList<X509Certificate2> ManufacturerRootCertificates() => context.Find<IManufacturerRoots>()?.ManufacturerRootCertificates() ?? [];
}
