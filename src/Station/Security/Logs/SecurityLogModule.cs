using Ocpp16.Messages;
using Station.Composition;
using Station.Security.Events;

namespace Station.Security.Logs;

/// <summary>
/// GetLog and LogStatusNotification (also on request, with ExtendedTriggerMessage): uploads of
/// the security log and of the diagnostics log. Present when the station has a file transfer.
/// </summary>
internal sealed class SecurityLogModule(LogUploadService logs, StationContext context) : IStationModule, ITriggerSource
{
    private static readonly string[] Triggerable = [OcppActions.LogStatusNotification.Name];

    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "SecurityLog",
        Profile = FeatureProfile.Security,
        IsPresent = static setup => setup.Options.FileTransfer is not null,
        Create = static context => new SecurityLogModule(
            context.Provide(new LogUploadService(
                new SecurityLogArchive(context.Require<SecurityEventsService>()),
                context.Options.DiagnosticsArchive ?? context.Options.Trace,
                context.Options.FileTransfer,
                context.Notifications,
                context.Runtime,
                context.Options.ChargePointId,
                Path.Combine(context.DataDirectory, "log-uploads"))),
            context),
    };

    public IReadOnlyCollection<string> TriggerableMessages => Triggerable;

    public void RegisterHandlers(HandlerRegistry handlers) => handlers.Add(OcppActions.GetLog, new GetLogHandler(logs));

    public Func<CancellationToken, Task> Trigger(string message, int? connectorId) => cancellationToken =>
        context.Outgoing.SendOnRequestAsync(logs.Status(), cancellationToken);
}
