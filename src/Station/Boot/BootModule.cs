using Ocpp16.Messages;
using Station.Composition;
using Station.Connectors;
using Station.Firmware;

namespace Station.Boot;

/// <summary>
/// Registration and liveness: BootNotification (also on request), Heartbeat (also on request),
/// and Reset.
/// </summary>
internal sealed class BootModule(BootService boot, StationContext context) : IStationModule, ITriggerSource
{
    private static readonly string[] Triggerable = [OcppActions.BootNotification.Name, OcppActions.Heartbeat.Name];

    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Boot",
        Profile = FeatureProfile.Core,
        Create = static context =>
        {
            // The version in BootNotification is the one installed now (Firmware Management updates it).
            var firmware = context.Find<FirmwareService>();
            Func<string> version = firmware is null ? () => context.Model.FirmwareVersion : () => firmware.InstalledVersion;
            var boot = context.Provide(new BootService(
                context.Model, version, context.Link, context.Outgoing, context.Require<ConnectorService>(), context.Configuration, context.Runtime));
            return new BootModule(boot, context);
        },
    };

    public IReadOnlyCollection<string> TriggerableMessages => Triggerable;

    public void RegisterHandlers(HandlerRegistry handlers) =>
        handlers.Add(OcppActions.Reset, new ResetHandler(context.Lifecycle, context.Find<Station.Security.ISecurityEvents>()));

    public Func<CancellationToken, Task> Trigger(string message, int? connectorId) =>
        message == OcppActions.BootNotification.Name
            ? _ =>
            {
                boot.BootNow();
                return Task.CompletedTask;
            }
            : boot.HeartbeatAsync;
}
