using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>CancelReservation.conf: the answer to the request that cancels a reservation (§5.1).</summary>
public sealed record CancelReservationResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required CancelReservationStatus Status { get; init; }
}
