using Ocpp16.Messages;
using Station.Composition;

namespace Station.Diagnostics;

/// <summary>
/// Firmware Management, the diagnostics half: GetDiagnostics, the archive of the trace and its
/// upload with retries, DiagnosticsStatusNotification (also on request). Present when the station
/// has a file transfer.
/// </summary>
internal sealed class DiagnosticsModule(DiagnosticsService diagnostics, StationContext context) : IStationModule, ITriggerSource
{
    private static readonly string[] Triggerable = [OcppActions.DiagnosticsStatusNotification.Name];

    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Diagnostics",
        Profile = FeatureProfile.FirmwareManagement,
        IsPresent = static setup => setup.Options.FileTransfer is not null,
        Create = static context => new DiagnosticsModule(
            context.Provide(new DiagnosticsService(
                context.Options.DiagnosticsArchive ?? context.Options.Trace,
                context.Options.FileTransfer,
                context.Notifications,
                context.Runtime,
                context.Options.ChargePointId,
                Path.Combine(context.DataDirectory, "diagnostics"))),
            context),
    };

    public IReadOnlyCollection<string> TriggerableMessages => Triggerable;

    public void RegisterHandlers(HandlerRegistry handlers) =>
        handlers.Add(OcppActions.GetDiagnostics, new GetDiagnosticsHandler(diagnostics));

    public Func<CancellationToken, Task> Trigger(string message, int? connectorId) => cancellationToken =>
        context.Outgoing.SendOnRequestAsync(new DiagnosticsStatusNotificationRequest { Status = diagnostics.Status }, cancellationToken);
}
