using Ocpp16.Messages;

namespace Station.Composition;

/// <summary>One connector of a <see cref="StationSnapshotBuilder"/>.</summary>
/// <param name="id">The connector id.</param>
public sealed class ConnectorSnapshotBuilder(int id)
{
    /// <summary>The connector id.</summary>
    public int Id { get; } = id;

    /// <summary>The OCPP status (the connector block).</summary>
    public ChargePointStatus Status { get; set; }

    /// <summary>The error code, NoError unless Faulted (the connector block).</summary>
    public ChargePointErrorCode ErrorCode { get; set; } = ChargePointErrorCode.NoError;

    /// <summary>The Central System's id of the running transaction (the transaction block).</summary>
    public int? TransactionId { get; set; }

    /// <summary>The identifier of the running transaction (the transaction block).</summary>
    public string? IdTag { get; set; }

    /// <summary>When the running transaction started, by the station's clock (the transaction block).</summary>
    public DateTimeOffset? TransactionStartedAt { get; set; }

    /// <summary>The register at the start of the running transaction, its meterStart (the transaction block).</summary>
    public int? MeterStartWh { get; set; }

    /// <summary>The energy register in Wh (the metering block).</summary>
    public double MeterWh { get; set; }

    /// <summary>The reservation the connector is kept for (the reservation block).</summary>
    public ReservationSnapshot? Reservation { get; set; }

    /// <summary>The charging limit applied now in A per phase; null when no profile limits it (the Smart Charging block).</summary>
    public double? LimitA { get; set; }

    /// <summary>The phases the limit allows (the Smart Charging block).</summary>
    public int? Phases { get; set; }

    /// <summary>The voltage per phase the limit is computed with (the Smart Charging block).</summary>
    public double? VoltageV { get; set; }

    /// <summary>The snapshot of the connector.</summary>
    public ConnectorSnapshot Build() =>
        new(Id, Status, TransactionId, MeterWh, ErrorCode, IdTag, Reservation)
        {
            LimitA = LimitA,
            Phases = Phases,
            VoltageV = VoltageV,
            TransactionStartedAt = TransactionStartedAt,
            MeterStartWh = MeterStartWh,
        };
}
