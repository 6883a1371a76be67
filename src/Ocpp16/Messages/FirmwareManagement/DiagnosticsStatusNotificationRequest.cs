using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>DiagnosticsStatusNotification.req: the request that reports the progress of a diagnostics upload (§4.4).</summary>
public sealed record DiagnosticsStatusNotificationRequest : IOcppRequest<DiagnosticsStatusNotificationResponse>
{
    /// <summary>The progress of the diagnostics upload.</summary>
    [JsonPropertyName("status")]
    public required DiagnosticsStatus Status { get; init; }
}
