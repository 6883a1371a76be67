using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SignedFirmwareStatusNotification.req: the request that reports the progress of a signed firmware update (security whitepaper, Secure firmware update).</summary>
public sealed record SignedFirmwareStatusNotificationRequest : IOcppRequest<SignedFirmwareStatusNotificationResponse>
{
    /// <summary>The progress of the update.</summary>
    [JsonPropertyName("status")]
    public required FirmwareStatusEnumType Status { get; init; }

    /// <summary>The requestId of the SignedUpdateFirmware this update serves; absent only when the status is Idle.</summary>
    [JsonPropertyName("requestId")]
    public int? RequestId { get; init; }
}
