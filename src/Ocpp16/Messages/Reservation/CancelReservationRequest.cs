using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>CancelReservation.req: the request that cancels a reservation (§5.1).</summary>
public sealed record CancelReservationRequest : IOcppRequest<CancelReservationResponse>
{
    /// <summary>The reservation concerned.</summary>
    [JsonPropertyName("reservationId")]
    public required int ReservationId { get; init; }
}
