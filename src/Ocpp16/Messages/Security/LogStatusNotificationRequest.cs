using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>LogStatusNotification.req: the request that reports the progress of a log upload (security whitepaper, Get Security Log).</summary>
public sealed record LogStatusNotificationRequest : IOcppRequest<LogStatusNotificationResponse>
{
    /// <summary>The progress of the upload.</summary>
    [JsonPropertyName("status")]
    public required UploadLogStatusEnumType Status { get; init; }

    /// <summary>The requestId of the GetLog this upload serves; absent only when the status is Idle.</summary>
    [JsonPropertyName("requestId")]
    public int? RequestId { get; init; }
}
