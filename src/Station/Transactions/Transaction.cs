using Ocpp16.Messages;

namespace Station.Transactions;

/// <summary>A running transaction, owned by <see cref="TransactionService"/>.</summary>
public sealed class Transaction
{
    /// <summary>The station's own id, known before the Central System assigns one.</summary>
    public required long LocalId { get; init; }

    /// <summary>The connector.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The identifier that started it.</summary>
    public required string IdTag { get; init; }

    /// <summary>The group of that identifier, if known.</summary>
    public string? ParentIdTag { get; set; }

    /// <summary>When it started (station clock; moved when the clock jumps before it was reported, pitfall 7).</summary>
    public required DateTimeOffset StartedAt { get; set; }

    /// <summary>meterStart in Wh.</summary>
    public required int MeterStartWh { get; init; }

    /// <summary>The reservation it used, if any.</summary>
    public int? ReservationId { get; init; }

    /// <summary>The id the Central System assigned; null until StartTransaction is answered.</summary>
    public int? TransactionId { get; set; }

    /// <summary>The energy the station still delivers although the idTag was declared invalid (C-03); null when no limit applies.</summary>
    public double? EnergyLimitWh { get; set; }

    /// <summary>Whether the station withholds power (SuspendedEVSE).</summary>
    public bool SuspendedByStation { get; set; }

    /// <summary>The TxProfile its RemoteStartTransaction brought (§5.11), installed by Smart Charging when it starts; null when none.</summary>
    public ChargingProfile? ChargingProfile { get; init; }

    /// <summary>The meter values collected for the StopTransaction's transactionData.</summary>
    public List<MeterValue> TransactionData { get; } = [];
}
