using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Composition;

namespace Station.Security.Events;

/// <summary>
/// The security events and the security log (whitepaper edition 3): provides
/// <see cref="ISecurityEvents"/> early in the composition, so every block built after it can report;
/// records StartupOfTheDevice at every start, SettingSystemTime when the Central System's time
/// moves the clock, InvalidMessages when the Central System sends what is no valid OCPP-J message,
/// AttemptedReplayAttacks when it repeats a CALL's message id on one connection, MemoryExhaustion
/// when the station's storage is full. The last three at most once a minute each, with a count.
/// </summary>
internal sealed class SecurityEventsModule(SecurityEventsService events, RateLimitedSecurityEvent invalid, RateLimitedSecurityEvent replays, ILogger logger)
    : IStationModule
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

            var clock = context.Runtime.Clock;
            context.Runtime.ClockJumped += moved =>
                events.Report(SecurityEventTypes.SettingSystemTime, FormattableString.Invariant($"clock set from the Central System's time, moved {moved.TotalSeconds:0.###} s"));

            // A full disk fails every write, so this comes in bursts; the event may itself not be
            // persistable then (the security log is on the same disk): it is kept in memory and sent.
            var exhaustion = new RateLimitedSecurityEvent(SecurityEventTypes.MemoryExhaustion, "failed writes", context.Find<ISecurityEvents>, clock);
            context.Runtime.StorageExhausted += failure => exhaustion.Report($"storage full: {failure.Message.ReplaceLineEndings(" ")}");
            return new SecurityEventsModule(
                events,
                new RateLimitedSecurityEvent(SecurityEventTypes.InvalidMessages, "invalid messages", context.Find<ISecurityEvents>, clock),
                new RateLimitedSecurityEvent(SecurityEventTypes.AttemptedReplayAttacks, "replayed calls", context.Find<ISecurityEvents>, clock),
                context.Runtime.LoggerFactory.CreateLogger("Station.Security"));
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.OnInvalidMessage(invalid.Report);
        handlers.OnRepeatedCall((messageId, action) =>
        {
            SecurityEventsLog.ReplayRefused(logger, messageId, action);
            replays.Report($"{action} with the message id '{messageId}' of an earlier CALL on this connection (refused with SecurityError)");
        });
    }

    public void Start() => events.Report(SecurityEventTypes.StartupOfTheDevice, "station software started");
}
