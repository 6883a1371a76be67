using Ocpp16.Messages;
using Station.Composition;

namespace Station.Connectors;

/// <summary>
/// The connector block: physical state, availability, the derived OCPP status and its reports
/// (ChangeAvailability, and StatusNotification on request).
/// </summary>
internal sealed class ConnectorsModule(ConnectorService connectors) : IStationModule, ITriggerSource
{
    private static readonly string[] Triggerable = [OcppActions.StatusNotification.Name];

    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Connectors",
        Profile = FeatureProfile.Core,
        Create = static context =>
        {
            var connectors = context.Provide(
                new ConnectorService(context.Model.Connectors.Count, context.Stores.Availability, context.Outgoing, context.Configuration, context.Runtime));
            context.Provide<IConnectorHolds>(connectors);
            return new ConnectorsModule(connectors);
        },
    };

    public IReadOnlyCollection<string> TriggerableMessages => Triggerable;

    public void RegisterHandlers(HandlerRegistry handlers) =>
        handlers.Add(OcppActions.ChangeAvailability, new ChangeAvailabilityHandler(connectors));

    public void Start() => connectors.Refresh();

    public void Describe(StationSnapshotBuilder snapshot)
    {
        foreach (var connector in snapshot.Connectors)
        {
            var status = connectors.Evaluate(connector.Id);
            connector.Status = status.Status;
            connector.ErrorCode = status.ErrorCode;
        }
    }

    public Func<CancellationToken, Task> Trigger(string message, int? connectorId) =>
        cancellationToken => connectors.ReportOnRequestAsync(connectorId, cancellationToken);
}
