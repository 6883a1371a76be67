using Ocpp16.Messages;
using Station.Composition;

namespace Station.Security.Certificates;

/// <summary>
/// Certificate management of the security whitepaper: the store of root certificates and of the
/// charge point certificate (<see cref="CertificateService"/>), InstallCertificate,
/// GetInstalledCertificateIds, DeleteCertificate, and the renewal of the charge point certificate
/// (<see cref="ICertificateSigning"/> for ExtendedTriggerMessage, CertificateSigned, and on the
/// station's own initiative before the certificate expires: <see cref="CertificateRenewal"/>).
/// </summary>
internal sealed class CertificatesModule(
    CertificateService certificates, ChargePointCertificateSigning signing, CertificateRenewal renewal, CertificateProvisioning? provisioning) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Certificates",
        Profile = FeatureProfile.Security,
        Keys = static _ => CertificateKeys.Definitions(),
        Create = static context =>
        {
            var logger = context.Runtime.LoggerFactory.CreateLogger("Station.Security.Certificates");
            var certificates = context.Provide(new CertificateService(
                context.Stores.Certificates, context.Configuration, context.Runtime.Clock, logger, context.Find<ISecurityEvents>));
            var commonName = context.Model.SerialNumber is { Length: > 0 } serial ? serial : context.Options.ChargePointId;
            var signing = new ChargePointCertificateSigning(certificates, context.Configuration, context.Outgoing, commonName, logger);
            context.Provide<ICertificateSigning>(signing);

            // What other blocks ask of the store (the firmware block the manufacturer roots, the
            // extended trigger the signing request), unless a block built earlier provides it: a
            // secure element of the hardware, or a test's stand-in.
            if (context.Find<IManufacturerRoots>() is null)
            {
                context.Provide<IManufacturerRoots>(certificates);
            }

            if (context.Find<IChargePointCertificateSigning>() is null)
            {
                context.Provide<IChargePointCertificateSigning>(signing);
            }

            var renewal = new CertificateRenewal(certificates, signing, context.Runtime, logger);
            return new CertificatesModule(certificates, signing, renewal, context.Options.Certificates);
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.InstallCertificate, new InstallCertificateHandler(certificates));
        handlers.Add(OcppActions.GetInstalledCertificateIds, new GetInstalledCertificateIdsHandler(certificates));
        handlers.Add(OcppActions.DeleteCertificate, new DeleteCertificateHandler(certificates));
        handlers.Add(OcppActions.CertificateSigned, new CertificateSignedHandler(signing, certificates));
    }

    public void Start() => certificates.Provision(provisioning);

    // Registered: SignCertificate can be sent; a certificate near its end is renewed now, else when it gets there.
    public void OnBootAccepted() => renewal.Check();
}
