using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Reservation;

/// <summary>Log events of the reservation block (event ids 3250–3299).</summary>
internal static partial class ReservationLog
{
    [LoggerMessage(EventId = 3250, Level = LogLevel.Information, Message = "ReserveNow {ReservationId} on connector {ConnectorId} for {IdTag} until {ExpiryDate:O}: {Status}")]
    public static partial void Reserve(ILogger logger, int reservationId, int connectorId, string idTag, DateTimeOffset expiryDate, ReservationStatus status);

    [LoggerMessage(EventId = 3251, Level = LogLevel.Information, Message = "Reservation {ReservationId} on connector {ConnectorId} ended: {Why}")]
    public static partial void Ended(ILogger logger, int reservationId, int connectorId, string why);

    [LoggerMessage(EventId = 3252, Level = LogLevel.Information, Message = "CancelReservation {ReservationId}: {Status}")]
    public static partial void Cancel(ILogger logger, int reservationId, CancelReservationStatus status);

    [LoggerMessage(EventId = 3253, Level = LogLevel.Information, Message = "ReserveNow {ReservationId} refused: {Why}")]
    public static partial void Refused(ILogger logger, int reservationId, string why);

    [LoggerMessage(EventId = 3254, Level = LogLevel.Information, Message = "Reservation {ReservationId} on connector {ConnectorId} for {IdTag} restored, until {ExpiryDate:O}")]
    public static partial void Restored(ILogger logger, int reservationId, int connectorId, string idTag, DateTimeOffset expiryDate);
}
