using Ocpp16.Messages;
using Station.Composition;

namespace Station.Authorization;

/// <summary>
/// The authorization block: Authorize, the authorization cache (C-04) and the offline rules; a
/// Local Authorization List, when the LocalAuthList block provides one (it is built before this
/// one), is consulted before the cache.
/// </summary>
internal sealed class AuthorizationModule(AuthorizationService authorization) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Authorization",
        Profile = FeatureProfile.Core,
        Create = static context => new AuthorizationModule(context.Provide(new AuthorizationService(
            context.Link,
            context.Outgoing,
            context.Configuration,
            new AuthorizationCache(context.Stores.AuthorizationCache),
            context.Find<ILocalAuthList>(),
            context.Runtime))),
    };

    public void RegisterHandlers(HandlerRegistry handlers) =>
        handlers.Add(OcppActions.ClearCache, new ClearCacheHandler(authorization));
}
