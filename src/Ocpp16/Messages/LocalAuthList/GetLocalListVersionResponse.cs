using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>GetLocalListVersion.conf: the answer to the request that reads the version of the Local Authorization List (§5.10).</summary>
public sealed record GetLocalListVersionResponse : IOcppResponse
{
    /// <summary>The version number of the Local Authorization List.</summary>
    [JsonPropertyName("listVersion")]
    public required int ListVersion { get; init; }
}
