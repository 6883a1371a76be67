using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>GetLog.conf: the answer to the request that asks the Charge Point to upload its diagnostics or security log.</summary>
public sealed record GetLogResponse : IOcppResponse
{
    /// <summary>Whether the log will be uploaded.</summary>
    [JsonPropertyName("status")]
    public required LogStatusEnumType Status { get; init; }

    /// <summary>The name of the file that will be uploaded; absent when there is no log to upload.</summary>
    [JsonPropertyName("filename")]
    [JsonConverter(typeof(CiString255Converter))]
    public string? Filename { get; init; }
}
