using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary>One connector in <c>GET /state</c>.</summary>
internal sealed record ConnectorBody(
    int Id, ChargePointStatus Status, int? TransactionId, double MeterWh, ChargePointErrorCode ErrorCode, string? IdTag, bool Plugged, ReservationBody? Reservation = null);
