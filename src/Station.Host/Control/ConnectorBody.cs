using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary>
/// One connector in <c>GET /state</c>. <c>reservation</c> is the reservation the connector is kept
/// for; <c>limitA</c> is the charging limit applied now (null when no profile limits the connector),
/// computed with <c>phases</c> and <c>voltageV</c> (Smart Charging).
/// </summary>
internal sealed record ConnectorBody(
    int Id, ChargePointStatus Status, int? TransactionId, double MeterWh, ChargePointErrorCode ErrorCode, string? IdTag, bool Plugged,
    ReservationBody? Reservation = null, double? LimitA = null, int? Phases = null, double? VoltageV = null);
