using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>StartTransaction.req: the request that reports that a transaction started (§4.8).</summary>
public sealed record StartTransactionRequest : IOcppRequest<StartTransactionResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public required int ConnectorId { get; init; }

    /// <summary>The identifier (RFID card or other token) concerned.</summary>
    [JsonPropertyName("idTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string IdTag { get; init; }

    /// <summary>The energy register of the connector in Wh at the start of the transaction.</summary>
    [JsonPropertyName("meterStart")]
    public required int MeterStart { get; init; }

    /// <summary>The reservation concerned.</summary>
    [JsonPropertyName("reservationId")]
    public int? ReservationId { get; init; }

    /// <summary>When it happened.</summary>
    [JsonPropertyName("timestamp")]
    public required DateTimeOffset Timestamp { get; init; }
}
