using Ocpp16.Messages;
using Station.Composition;
using Station.Connection;
using Station.Security.Certificates;

namespace Station.Security.Connection;

/// <summary>
/// Security profiles 0–3 of the security whitepaper: the keys SecurityProfile and AuthorizationKey,
/// and what each connection attempt carries (<see cref="IConnectionSecurity"/>). Built after the
/// certificate block, whose roots and charge point certificate it connects with.
/// </summary>
internal sealed class SecurityProfileModule : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "SecurityProfile",
        Profile = FeatureProfile.Security,
        Keys = static _ => SecurityKeys.Definitions(),
        Create = static context =>
        {
            context.Provide<IConnectionSecurity>(new ConnectionSecurity(
                context.Configuration,
                context.Require<CertificateService>(),
                context.Link,
                context.Runtime,
                context.Options.CentralSystemUri,
                context.Runtime.LoggerFactory.CreateLogger("Station.Security.Connection"),
                context.Find<ISecurityEvents>,
                context.Stores.SecurityProfile));
            return new SecurityProfileModule();
        },
    };
}
