using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>One period of a charging schedule (§7.13).</summary>
public sealed record ChargingSchedulePeriod
{
    /// <summary>Start of the period in seconds from the start of the schedule.</summary>
    [JsonPropertyName("startPeriod")]
    public required int StartPeriod { get; init; }

    /// <summary>The charging rate limit, in the schedule's unit.</summary>
    [JsonPropertyName("limit")]
    [JsonConverter(typeof(TenthsDecimalConverter))]
    public required decimal Limit { get; init; }

    /// <summary>The number of phases that may be used; absent means 3.</summary>
    [JsonPropertyName("numberPhases")]
    public int? NumberPhases { get; init; }
}
