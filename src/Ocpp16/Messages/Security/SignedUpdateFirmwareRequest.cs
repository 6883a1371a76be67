using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SignedUpdateFirmware.req: the request that asks the Charge Point to download, verify and install signed firmware (security whitepaper, Secure firmware update).</summary>
public sealed record SignedUpdateFirmwareRequest : IOcppRequest<SignedUpdateFirmwareResponse>
{
    /// <summary>How many times to retry the download after a failure; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retries")]
    public int? Retries { get; init; }

    /// <summary>Seconds between retries; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retryInterval")]
    public int? RetryInterval { get; init; }

    /// <summary>Identifies this request in the SignedFirmwareStatusNotification messages it causes.</summary>
    [JsonPropertyName("requestId")]
    public required int RequestId { get; init; }

    /// <summary>The firmware and its signature.</summary>
    [JsonPropertyName("firmware")]
    public required FirmwareType Firmware { get; init; }
}
