using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>An entry of the Local Authorization List (§7.2).</summary>
public sealed record AuthorizationData
{
    /// <summary>The identifier (RFID card or other token) concerned.</summary>
    [JsonPropertyName("idTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string IdTag { get; init; }

    /// <summary>The authorization of the identifier; absent in a Differential update means: remove it.</summary>
    [JsonPropertyName("idTagInfo")]
    public IdTagInfo? IdTagInfo { get; init; }
}
