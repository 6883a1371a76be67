using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>Reset.conf: the answer to the request that asks the Charge Point to reboot, soft or hard (§5.14).</summary>
public sealed record ResetResponse : IOcppResponse
{
    /// <summary>The outcome.</summary>
    [JsonPropertyName("status")]
    public required ResetStatus Status { get; init; }
}
