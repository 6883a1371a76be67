using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>ReserveNow.conf: the answer to the request that reserves a connector, or any connector (connector 0), for an identifier (§5.13).</summary>
public sealed record ReserveNowResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required ReservationStatus Status { get; init; }
}
