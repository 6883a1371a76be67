using Ocpp16.Messages;
using Station.Composition;

namespace Station.Triggers;

/// <summary>The Remote Trigger profile: TriggerMessage (and the whitepaper's ExtendedTriggerMessage), answered by asking the block that sends the message.</summary>
internal sealed class RemoteTriggerModule(StationContext context) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "RemoteTrigger",
        Profile = FeatureProfile.RemoteTrigger,
        Create = static context => new RemoteTriggerModule(context),
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.TriggerMessage, new TriggerMessageHandler(context.Require<TriggerSources>(), context.Model.Connectors.Count, context.Runtime));
        handlers.Add(OcppActions.ExtendedTriggerMessage, new ExtendedTriggerMessageHandler(context.Require<TriggerSources>(), context));
    }
}
