using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>Reset.req: the request that asks the Charge Point to reboot, soft or hard (§5.14).</summary>
public sealed record ResetRequest : IOcppRequest<ResetResponse>
{
    /// <summary>The kind of change requested.</summary>
    [JsonPropertyName("type")]
    public required ResetType Type { get; init; }
}
