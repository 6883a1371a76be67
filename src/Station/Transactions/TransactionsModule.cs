using Ocpp16.Messages;
using Station.Authorization;
using Station.Composition;
using Station.Connectors;
using Station.Hardware;
using Station.Reservation;
using Station.Security;

namespace Station.Transactions;

/// <summary>
/// The transaction block: the journal and its durable outbox, the transactions and what cards,
/// buttons and remote commands mean for them (RemoteStart/StopTransaction, UnlockConnector), and
/// the station's side of the hardware's events.
/// </summary>
internal sealed class TransactionsModule(TransactionOutbox outbox, TransactionService transactions, SessionCoordinator sessions, StationContext context)
    : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Transactions",
        Profile = FeatureProfile.Core,
        Create = static context =>
        {
            var connectors = context.Require<ConnectorService>();
            var authorization = context.Require<AuthorizationService>();
            var outbox = context.Provide(new TransactionOutbox(context.Stores.Transactions, context.Link, context.Configuration, context.Runtime));
            context.Provide<IStartConfirmations>(outbox);
            var transactions = context.Provide(new TransactionService(
                connectors, context.Hardware, context.Stores.Transactions, outbox, authorization, context.Configuration, context.Runtime,
                Math.Max(1, context.Model.StopTransactionMaxMeterValues),
                context.Find<IReservationGate>() ?? NoReservations.Instance));
            var sessions = context.Provide(new SessionCoordinator(transactions, connectors, authorization, context.Configuration, context.Runtime));

            // What the hardware reports (cable, card, buttons, faults) is what sessions are made of.
            context.Provide<IStationInputs>(new ChargePointInputs(
                context.Model, context.Runtime, connectors, transactions, sessions, context.Lifecycle.PowerDownAsync, context.Find<ISecurityEvents>));
            return new TransactionsModule(outbox, transactions, sessions, context);
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.RemoteStartTransaction, new RemoteStartTransactionHandler(sessions, context.Link, context.Runtime));
        handlers.Add(OcppActions.RemoteStopTransaction, new RemoteStopTransactionHandler(transactions, outbox, context.Link, context.Runtime));
        handlers.Add(OcppActions.UnlockConnector, new UnlockConnectorHandler(transactions, context.Hardware));
    }

    // AQ-7.2: before anything else, the transactions a power loss interrupted are closed.
    public void Start() => transactions.RecoverAfterPowerLoss();

    public void Describe(StationSnapshotBuilder snapshot)
    {
        foreach (var connector in snapshot.Connectors)
        {
            var transaction = transactions.On(connector.Id);
            connector.TransactionId = transaction?.TransactionId;
            connector.IdTag = transaction?.IdTag;
            connector.TransactionStartedAt = transaction?.StartedAt;
            connector.MeterStartWh = transaction?.MeterStartWh;
        }

        snapshot.QueuedTransactionMessages = outbox.Pending;
        snapshot.DeadLetters = outbox.DeadLetters;
    }

    public Task RunAsync(CancellationToken cancellationToken) => outbox.RunAsync(cancellationToken);
}
