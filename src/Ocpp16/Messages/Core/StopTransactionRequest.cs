using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>StopTransaction.req: the request that reports that a transaction stopped (§4.10).</summary>
public sealed record StopTransactionRequest : IOcppRequest<StopTransactionResponse>
{
    /// <summary>The identifier (RFID card or other token) concerned.</summary>
    [JsonPropertyName("idTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public string? IdTag { get; init; }

    /// <summary>The energy register of the connector in Wh at the end of the transaction.</summary>
    [JsonPropertyName("meterStop")]
    public required int MeterStop { get; init; }

    /// <summary>When it happened.</summary>
    [JsonPropertyName("timestamp")]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The transaction concerned.</summary>
    [JsonPropertyName("transactionId")]
    public required int TransactionId { get; init; }

    /// <summary>Why the transaction stopped; absent means Local.</summary>
    [JsonPropertyName("reason")]
    public Reason? Reason { get; init; }

    /// <summary>Meter values relevant for billing.</summary>
    [JsonPropertyName("transactionData")]
    public IReadOnlyList<MeterValue>? TransactionData { get; init; }
}
