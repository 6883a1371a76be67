using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>What the Central System knows about an identifier (OCPP 1.6 §7.14).</summary>
public sealed record IdTagInfo
{
    /// <summary>When the identifier stops being valid, if it does.</summary>
    [JsonPropertyName("expiryDate")]
    public DateTimeOffset? ExpiryDate { get; init; }

    /// <summary>The group identifier this identifier belongs to.</summary>
    [JsonPropertyName("parentIdTag")]
    [JsonConverter(typeof(CiString20Converter))]
    public string? ParentIdTag { get; init; }

    /// <summary>Whether the identifier is accepted.</summary>
    [JsonPropertyName("status")]
    public required AuthorizationStatus Status { get; init; }
}
