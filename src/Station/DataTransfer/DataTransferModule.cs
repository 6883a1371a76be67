using Ocpp16.Messages;
using Station.Composition;

namespace Station.DataTransfer;

/// <summary>DataTransfer (§5.6): the station maker's vendor handlers, UnknownVendorId otherwise.</summary>
internal sealed class DataTransferModule(IReadOnlyList<IDataTransferVendorHandler> vendors) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "DataTransfer",
        Profile = FeatureProfile.Core,
        Create = static context => new DataTransferModule(context.Options.DataTransferHandlers),
    };

    public void RegisterHandlers(HandlerRegistry handlers) =>
        handlers.Add(OcppActions.DataTransfer, new DataTransferHandler(vendors));
}
