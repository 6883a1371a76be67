using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>RemoteStartTransaction.req: the request that asks the Charge Point to start a transaction for an identifier (§5.11).</summary>
public sealed record RemoteStartTransactionRequest : IOcppRequest<RemoteStartTransactionResponse>
{
    /// <summary>The connector concerned; 0 means the whole Charge Point where the message allows it.</summary>
    [JsonPropertyName("connectorId")]
    public int? ConnectorId { get; init; }

    /// <summary>The identifier (RFID card or other token) concerned.</summary>
    [JsonPropertyName("idTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string IdTag { get; init; }

    /// <summary>The charging profile to apply to the transaction.</summary>
    [JsonPropertyName("chargingProfile")]
    public ChargingProfile? ChargingProfile { get; init; }
}
