using Ocpp16.Messages;

namespace Station;

/// <summary>One connector as the control API shows it.</summary>
/// <param name="Id">The connector id.</param>
/// <param name="Status">The present OCPP status.</param>
/// <param name="TransactionId">The Central System's id of the running transaction, if assigned.</param>
/// <param name="MeterWh">The energy register in Wh.</param>
/// <param name="ErrorCode">The error code, NoError unless Faulted.</param>
/// <param name="IdTag">The identifier of the running transaction, if any.</param>
/// <param name="Reservation">The reservation the connector is kept for, if any (the reservation block).</param>
public sealed record ConnectorSnapshot(
    int Id, ChargePointStatus Status, int? TransactionId, double MeterWh, ChargePointErrorCode ErrorCode, string? IdTag, ReservationSnapshot? Reservation = null)
{
    /// <summary>The charging limit applied now in A per phase; null when no charging profile limits it (Smart Charging).</summary>
    public double? LimitA { get; init; }

    /// <summary>The phases the limit allows; null without Smart Charging.</summary>
    public int? Phases { get; init; }

    /// <summary>The voltage per phase the limit is computed with; null without Smart Charging.</summary>
    public double? VoltageV { get; init; }

    /// <summary>When the running transaction started, by the station's clock; null without one.</summary>
    public DateTimeOffset? TransactionStartedAt { get; init; }

    /// <summary>The meterStart of the running transaction in Wh; null without one.</summary>
    public int? MeterStartWh { get; init; }
}
