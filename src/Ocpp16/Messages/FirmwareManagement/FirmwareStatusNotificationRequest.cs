using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>FirmwareStatusNotification.req: the request that reports the progress of a firmware update (§4.5).</summary>
public sealed record FirmwareStatusNotificationRequest : IOcppRequest<FirmwareStatusNotificationResponse>
{
    /// <summary>The progress of the firmware update.</summary>
    [JsonPropertyName("status")]
    public required FirmwareStatus Status { get; init; }
}
