using Ocpp16.Messages;

namespace Station.Connectors;

/// <summary>The persisted availability of a connector (0 for the station).</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="Availability">The availability in force.</param>
/// <param name="Scheduled">The change waiting for a transaction to end, if any.</param>
public sealed record StoredAvailability(int ConnectorId, AvailabilityType Availability, AvailabilityType? Scheduled);
