using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Where to upload a log and which entries to include (security whitepaper LogParametersType).</summary>
public sealed record LogParametersType
{
    /// <summary>
    /// The URL of the directory the log is uploaded to. The schema makes it a string of at most 512
    /// characters, not a URI: a handler that cannot use it answers Rejected.
    /// </summary>
    [JsonPropertyName("remoteLocation")]
    [JsonConverter(typeof(String512Converter))]
    public required string RemoteLocation { get; init; }

    /// <summary>The oldest log entry to include; absent means from the start of the log.</summary>
    [JsonPropertyName("oldestTimestamp")]
    public DateTimeOffset? OldestTimestamp { get; init; }

    /// <summary>The newest log entry to include; absent means up to now.</summary>
    [JsonPropertyName("latestTimestamp")]
    public DateTimeOffset? LatestTimestamp { get; init; }
}
