using Ocpp16.Messages;
using Station.Composition;
using Station.Connectors;
using Station.Transactions;

namespace Station.SmartCharging;

/// <summary>
/// Smart Charging: SetChargingProfile, ClearChargingProfile, GetCompositeSchedule, the TxProfile of
/// a RemoteStartTransaction, the installed profiles persisted across a power loss, and the limit
/// applied to each connector's power controller at every period boundary.
/// </summary>
internal sealed class SmartChargingModule(
    SmartChargingService profiles, LimitApplier limits, TransactionService transactions, IStartConfirmations confirmations, StationContext context) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "SmartCharging",
        Profile = FeatureProfile.SmartCharging,
        Keys = static _ => SmartChargingKeys.Definitions(),
        Create = static context =>
        {
            var transactions = context.Require<TransactionService>();
            var profiles = context.Provide(new SmartChargingService(
                context.Model, context.Stores.ChargingProfiles, context.Configuration, transactions, context.Runtime));
            var limits = new LimitApplier(profiles, context.Hardware, context.Require<IConnectorHolds>(), context.Runtime);

            // The seams of the transaction block: it asks about a remote start's profile and says when transactions start and end.
            context.Require<SessionCoordinator>().RemoteStartProfiles = profiles;
            transactions.Started += (transaction, _) => profiles.OnTransactionStarted(transaction);
            transactions.Ending += (transaction, _) => profiles.OnTransactionEnding(transaction);
            return new SmartChargingModule(profiles, limits, transactions, context.Require<IStartConfirmations>(), context);
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.SetChargingProfile, new SetChargingProfileHandler(profiles, transactions, confirmations, context.Runtime));
        handlers.Add(OcppActions.ClearChargingProfile, new ClearChargingProfileHandler(profiles));
        handlers.Add(OcppActions.GetCompositeSchedule, new GetCompositeScheduleHandler(profiles));
    }

    // After Transactions has closed what a power loss interrupted: their TxProfiles go too.
    public void Start() => profiles.Recover();

    public void Describe(StationSnapshotBuilder snapshot)
    {
        foreach (var connector in snapshot.Connectors)
        {
            var model = context.Model.Connectors[connector.Id - 1];
            var applied = limits.Applied(connector.Id);
            connector.LimitA = applied is { FromProfile: true } ? (double)applied.Limit : null;
            connector.Phases = applied?.NumberPhases ?? model.Phases;
            connector.VoltageV = model.VoltageV;
        }
    }
}
