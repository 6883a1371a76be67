using Station.Authorization;
using Station.Configuration;
using Station.Connection;
using Station.Connectors;
using Station.Firmware;
using Station.LocalAuthList;
using Station.Reservation;
using Station.Runtime;
using Station.Security.Certificates;
using Station.Security.Connection;
using Station.Security.Events;
using Station.SmartCharging;
using Station.Transactions;

namespace Station;

/// <summary>Where each block persists its state.</summary>
public sealed record StationStores
{
    /// <summary>Configuration values.</summary>
    public required IConfigurationStore Configuration { get; init; }

    /// <summary>Connector availability.</summary>
    public required IAvailabilityStore Availability { get; init; }

    /// <summary>The authorization cache.</summary>
    public required IAuthorizationCacheStore AuthorizationCache { get; init; }

    /// <summary>The transaction journal and outbox.</summary>
    public required ITransactionStore Transactions { get; init; }

    /// <summary>Firmware and diagnostics notifications not answered yet; in memory unless given.</summary>
    public INotificationStore Notifications { get; init; } = new InMemoryNotificationStore();

    /// <summary>The clock offset learnt from the Central System; in memory unless given (then a restart forgets it).</summary>
    public IClockStore Clock { get; init; } = new InMemoryClockStore();

    /// <summary>The installed firmware version and the update in progress; in memory unless given (then a reboot forgets them).</summary>
    public IFirmwareStore Firmware { get; init; } = new InMemoryFirmwareStore();

    /// <summary>The Local Authorization List; in memory unless given (then a reboot forgets it).</summary>
    public ILocalAuthListStore LocalAuthList { get; init; } = new InMemoryLocalAuthListStore();

    /// <summary>The reservations in force; in memory unless given (then a reboot forgets them).</summary>
    public IReservationStore Reservations { get; init; } = new InMemoryReservationStore();

    /// <summary>The installed charging profiles; in memory unless given (then a reboot forgets them).</summary>
    public IChargingProfileStore ChargingProfiles { get; init; } = new InMemoryChargingProfileStore();

    /// <summary>The security log and the security events not delivered yet; in memory unless given (then a restart forgets them).</summary>
    public ISecurityEventStore SecurityEvents { get; init; } = new InMemorySecurityEventStore();

    /// <summary>Installed certificates and the charge point's key; in memory unless given (then a restart forgets them).</summary>
    public ICertificateStore Certificates { get; init; } = new InMemoryCertificateStore();

    /// <summary>A security profile on trial (the one to fall back to); in memory unless given (then a restart forgets it).</summary>
    public ISecurityProfileStore SecurityProfile { get; init; } = new InMemorySecurityProfileStore();
}
