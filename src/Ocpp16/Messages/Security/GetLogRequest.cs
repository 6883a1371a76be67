using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>GetLog.req: the request that asks the Charge Point to upload its diagnostics or security log (security whitepaper, Get Security Log).</summary>
public sealed record GetLogRequest : IOcppRequest<GetLogResponse>
{
    /// <summary>Where to upload the log and which entries to include.</summary>
    [JsonPropertyName("log")]
    public required LogParametersType Log { get; init; }

    /// <summary>Which log to upload.</summary>
    [JsonPropertyName("logType")]
    public required LogEnumType LogType { get; init; }

    /// <summary>Identifies this request in the LogStatusNotification messages it causes.</summary>
    [JsonPropertyName("requestId")]
    public required int RequestId { get; init; }

    /// <summary>How many times to retry after a failure; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retries")]
    public int? Retries { get; init; }

    /// <summary>Seconds between retries; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retryInterval")]
    public int? RetryInterval { get; init; }
}
