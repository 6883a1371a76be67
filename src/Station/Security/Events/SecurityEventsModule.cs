using Ocpp16.Messages;
using Station.Composition;

namespace Station.Security.Events;

/// <summary>
/// The security events and the security log (whitepaper edition 3): provides
/// <see cref="ISecurityEvents"/> early in the composition, so every block built after it can report;
/// records StartupOfTheDevice at every start, SettingSystemTime when the Central System's time
/// moves the clock, InvalidMessages when the Central System sends what is no valid OCPP-J message.
/// </summary>
internal sealed class SecurityEventsModule(SecurityEventsService events, InvalidMessageEvents invalid) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "SecurityEvents",
        Profile = FeatureProfile.Security,
        Create = static context =>
        {
            var events = new SecurityEventsService(context.Stores.SecurityEvents, context.Outgoing, context.Link, context.Runtime);
            context.Provide(events);

            // A block built before this one may take the events instead (a test's recorder).
            if (context.Find<ISecurityEvents>() is null)
            {
                context.Provide<ISecurityEvents>(events);
            }

            context.Runtime.ClockJumped += moved =>
                events.Report(SecurityEventTypes.SettingSystemTime, FormattableString.Invariant($"clock set from the Central System's time, moved {moved.TotalSeconds:0.###} s"));
            return new SecurityEventsModule(events, new InvalidMessageEvents(context.Find<ISecurityEvents>, context.Runtime.Clock));
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers) => handlers.OnInvalidMessage(invalid.Report);

    public void Start() => events.Report(SecurityEventTypes.StartupOfTheDevice, "station software started");
}
