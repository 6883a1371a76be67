using Ocpp16.Messages;
using Station.Composition;
using Station.Connectors;

namespace Station.Reservation;

/// <summary>
/// The Reservation profile: ReserveNow, CancelReservation, expiry, and the gate the transaction
/// block asks before it starts anything. Built before the transaction block, which takes its
/// <see cref="IReservationGate"/>. A model that disables the profile keeps the block to answer
/// ReserveNow and CancelReservation Rejected (TC_048_4, TC_050_4), without its key.
/// </summary>
internal sealed class ReservationModule(ReservationService reservations) : IStationModule
{
    public static ModuleDefinition Definition { get; } = new()
    {
        Name = "Reservation",
        Profile = FeatureProfile.Reservation,
        RefusesWhenDisabled = true,
        Keys = static setup => setup.Profiles.Contains(FeatureProfile.Reservation) ? ReservationKeys.Definitions() : [],
        Create = static context =>
        {
            var reservations = context.Provide(new ReservationService(
                context.Require<ConnectorService>(),
                context.Require<IConnectorHolds>(),
                context.Stores.Reservations,
                context.Configuration,
                context.Runtime,
                supported: context.Profiles.Contains(FeatureProfile.Reservation)));
            context.Provide<IReservationGate>(reservations);
            return new ReservationModule(reservations);
        },
    };

    public void RegisterHandlers(HandlerRegistry handlers)
    {
        handlers.Add(OcppActions.ReserveNow, new ReserveNowHandler(reservations));
        handlers.Add(OcppActions.CancelReservation, new CancelReservationHandler(reservations));
    }

    public void Start() => reservations.Start();

    public void Describe(StationSnapshotBuilder snapshot)
    {
        foreach (var connector in snapshot.Connectors)
        {
            connector.Reservation = reservations.On(connector.Id) is { } reservation
                ? new ReservationSnapshot(reservation.ReservationId, reservation.IdTag, reservation.ExpiryDate)
                : null;
        }
    }
}
