using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>ReserveNow.req: the request that reserves a connector, or any connector (connector 0), for an identifier (§5.13).</summary>
public sealed record ReserveNowRequest : IOcppRequest<ReserveNowResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>When the reservation ends.</summary>
    [JsonPropertyName("expiryDate")]
    public required DateTimeOffset ExpiryDate { get; init; }

    /// <summary>The identifier (RFID card or other token) concerned.</summary>
    [JsonPropertyName("idTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string IdTag { get; init; }

    /// <summary>The group identifier this identifier belongs to.</summary>
    [JsonPropertyName("parentIdTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public string? ParentIdTag { get; init; }

    /// <summary>The reservation concerned.</summary>
    [JsonPropertyName("reservationId")]
    public required int ReservationId { get; init; }
}
