using Ocpp16.Messages;
using Station.Authorization;
using Station.Composition;

namespace Station.LocalAuthList;

/// <summary>
/// Local Auth List Management: SendLocalList, GetLocalListVersion and the list the authorization
/// block consults before its cache (it takes <see cref="ILocalAuthList"/>, so this block is built
/// before it). A model that turns the profile off leaves the block out: then both CALLs are
/// answered with the CALLERROR NotSupported, and authorization has no list.
/// </summary>
internal sealed class LocalAuthListModule(LocalAuthListService list) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "LocalAuthList",
        Profile = FeatureProfile.LocalAuthListManagement,
        Keys = static _ => LocalAuthListKeys.Definitions,
        Create = static context =>
        {
            var list = context.Provide(new LocalAuthListService(context.Stores.LocalAuthList, context.Configuration, context.Runtime));
            context.Provide<ILocalAuthList>(list);
            return new LocalAuthListModule(list);
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.SendLocalList, new SendLocalListHandler(list));
        handlers.Add(OcppActions.GetLocalListVersion, new GetLocalListVersionHandler(list));
    }

    public void Describe(StationSnapshotBuilder snapshot) =>
        snapshot.LocalAuthList = new LocalAuthListSnapshot(list.ReportedVersion, list.Contents.Entries.Count, list.Enabled);
}
