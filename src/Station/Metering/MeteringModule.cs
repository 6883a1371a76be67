using Ocpp16.Messages;
using Station.Composition;
using Station.Transactions;

namespace Station.Metering;

/// <summary>The metering block (C-09): sampled and clock-aligned meter values, and MeterValues on request.</summary>
internal sealed class MeteringModule(MeteringService metering, StationContext context) : IStationModule, ITriggerSource
{
    private static readonly string[] Triggerable = [OcppActions.MeterValues.Name];

    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Metering",
        Profile = FeatureProfile.Core,
        Create = static context => new MeteringModule(
            context.Provide(new MeteringService(
                context.Model, context.Hardware, context.Require<TransactionService>(), context.Outgoing, context.Configuration, context.Runtime,
                context.Options.MeterCheckpointInterval)),
            context),
    };

    public IReadOnlyCollection<string> TriggerableMessages => Triggerable;

    public void Start() => metering.Start();

    // The clock was set from the Central System's time: clock-aligned values follow the new midnight.
    public void OnBootAccepted() => metering.OnClockSynchronized();

    public void Describe(StationSnapshotBuilder snapshot)
    {
        foreach (var connector in snapshot.Connectors)
        {
            connector.MeterWh = context.Hardware[connector.Id - 1].Meter.Read().EnergyActiveImportWh;
        }
    }

    public Func<CancellationToken, Task> Trigger(string message, int? connectorId) =>
        cancellationToken => metering.SendTriggeredAsync(connectorId, cancellationToken);
}
