using Ocpp16.Messages;
using Station.Composition;
using Station.Connectors;
using Station.Security;
using Station.Transactions;

namespace Station.Firmware;

/// <summary>
/// Firmware Management, the firmware half: UpdateFirmware, download with retries, installation
/// when no transaction runs, FirmwareStatusNotification (also on request). Present when the
/// station has a file transfer.
/// </summary>
internal sealed class FirmwareModule(FirmwareService firmware, StationContext context) : IStationModule, ITriggerSource
{
    private static readonly string[] Triggerable = [OcppActions.FirmwareStatusNotification.Name, OcppActions.SignedFirmwareStatusNotification.Name];

    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Firmware",
        Profile = FeatureProfile.FirmwareManagement,
        IsPresent = static setup => setup.Options.FileTransfer is not null,
        Keys = static setup => FirmwareKeys.Definitions(setup.Options.FileTransfer!.Schemes),
        Create = static context => new FirmwareModule(
            context.Provide(new FirmwareService(
                context.Model,
                context.Stores.Firmware,
                context.Options.FileTransfer,
                context.Options.FirmwareInstaller,
                context.Notifications,
                context.Require<IConnectorHolds>(),
                context.Require<TransactionService>(),
                context.Runtime,
                Path.Combine(context.DataDirectory, "firmware"),
                context.Lifecycle.RebootAfterFirmware,
                context.Find<ISecurityEvents>(),
                new FoundManufacturerRoots(context))),
            context),
    };

    public IReadOnlyCollection<string> TriggerableMessages => Triggerable;

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.UpdateFirmware, new UpdateFirmwareHandler(firmware));
        handlers.Add(OcppActions.SignedUpdateFirmware, new SignedUpdateFirmwareHandler(firmware));
    }

    public void OnBootAccepted() => firmware.OnBootAccepted();

    public Func<CancellationToken, Task> Trigger(string message, int? connectorId) => async cancellationToken =>
    {
        // ExtendedTriggerMessage FirmwareStatusNotification asks for the signed notification.
        FirmwareStatus status;
        SignedFirmwareStatusNotificationRequest signed;
        using (await context.Runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            status = firmware.Status;
            signed = firmware.SignedStatus;
        }

        if (message == OcppActions.SignedFirmwareStatusNotification.Name)
        {
            await context.Outgoing.SendOnRequestAsync(signed, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await context.Outgoing.SendOnRequestAsync(new FirmwareStatusNotificationRequest { Status = status }, cancellationToken).ConfigureAwait(false);
        }
    };
}
