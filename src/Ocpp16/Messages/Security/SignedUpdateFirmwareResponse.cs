using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>SignedUpdateFirmware.conf: the answer to the request that asks the Charge Point to download, verify and install signed firmware.</summary>
public sealed record SignedUpdateFirmwareResponse : IOcppResponse
{
    /// <summary>Whether the update is accepted.</summary>
    [JsonPropertyName("status")]
    public required UpdateFirmwareStatusEnumType Status { get; init; }
}
