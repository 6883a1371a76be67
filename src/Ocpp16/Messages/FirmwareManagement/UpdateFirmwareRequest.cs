using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>UpdateFirmware.req: the request that asks the Charge Point to download and install new firmware (§5.19).</summary>
public sealed record UpdateFirmwareRequest : IOcppRequest<UpdateFirmwareResponse>
{
    /// <summary>Where to download from or upload to.</summary>
    [JsonPropertyName("location")]
    [JsonConverter(typeof(AbsoluteUriConverter))]
    public required Uri Location { get; init; }

    /// <summary>How many times to retry after a failure; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retries")]
    public int? Retries { get; init; }

    /// <summary>From when the Charge Point may retrieve the firmware.</summary>
    [JsonPropertyName("retrieveDate")]
    public required DateTimeOffset RetrieveDate { get; init; }

    /// <summary>Seconds between retries; absent means the Charge Point decides.</summary>
    [JsonPropertyName("retryInterval")]
    public int? RetryInterval { get; init; }
}
