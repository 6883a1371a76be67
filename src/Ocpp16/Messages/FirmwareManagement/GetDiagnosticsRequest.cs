using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>GetDiagnostics.req: the request that asks the Charge Point to upload a diagnostics file (§5.9).</summary>
public sealed record GetDiagnosticsRequest : IOcppRequest<GetDiagnosticsResponse>
{
    /// <summary>Where to download from or upload to.</summary>
    [JsonPropertyName("location")]
    [JsonConverter(typeof(AbsoluteUriConverter))]
    public required Uri Location { get; init; }

    /// <summary>How many times to retry after a failure; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retries")]
    public int? Retries { get; init; }

    /// <summary>Seconds between retries; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retryInterval")]
    public int? RetryInterval { get; init; }

    /// <summary>The oldest log entry to include.</summary>
    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The newest log entry to include.</summary>
    [JsonPropertyName("stopTime")]
    public DateTimeOffset? StopTime { get; init; }
}
