using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary>One connector in <c>GET /state</c>.</summary>
/// <remarks>
/// <c>Reservation</c>: The reservation the connector is kept for (the Reservation block); null without one.
/// <c>LimitA</c>: The charging limit applied now (null when no profile limits the connector), computed with
/// <c>Phases</c> and <c>VoltageV</c> (Smart Charging).
/// <c>PowerW</c>: What the simulated EV draws now (0 with the contactor open, the EV suspended or a fault).
/// <c>EvSuspended</c>: Whether the simulated EV refuses to draw current.
/// <c>TransactionStartedAt</c>: When the running transaction started (station clock); null without one.
/// <c>MeterStartWh</c>: The running transaction's meterStart; the energy so far is <c>meterWh - meterStartWh</c>.
/// </remarks>
internal sealed record ConnectorBody(
    int Id,
    ChargePointStatus Status,
    int? TransactionId,
    double MeterWh,
    ChargePointErrorCode ErrorCode,
    string? IdTag,
    bool Plugged,
    ReservationBody? Reservation = null,
    double? LimitA = null,
    int? Phases = null,
    double? VoltageV = null,
    double PowerW = 0,
    bool EvSuspended = false,
    DateTimeOffset? TransactionStartedAt = null,
    int? MeterStartWh = null);
